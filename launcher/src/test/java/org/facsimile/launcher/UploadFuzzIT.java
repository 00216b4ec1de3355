package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged tables sent to the real upload endpoint, seeded so a failure replays: every answer is a
 * stored table (201) or a problem+json refusal (4xx), never a 5xx, and a refused upload leaves the
 * deposit as it was.
 */
class UploadFuzzIT {

    private static final byte[] NASTY = {'"', '\n', '\r', ',', 0, (byte) 0xFF, (byte) 0xC3, (byte) 0xEF, '='};

    @Test
    void damagedUploadsAreStoredOrRefusedNeverCrash() throws Exception {
        ApiClient yolanda = RunningRepository.newDepositor("yolanda");
        String deposit = DepositToPublishIT.createDeposit(yolanda, "Fuzzed uploads");
        byte[] seed = DepositToPublishIT.patients(40, 5);
        Random random = new Random(20261123L);
        int stored = 0;
        for (int round = 0; round < 60; round++) {
            byte[] bytes = seed.clone();
            for (int e = 0, edits = 1 + random.nextInt(6); e < edits; e++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(3)) {
                    case 0 -> bytes[at] = NASTY[random.nextInt(NASTY.length)];
                    case 1 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                    default -> bytes = Arrays.copyOf(bytes, Math.max(1, at));
                }
            }
            String type = random.nextBoolean() ? "text/csv" : "text/csv; charset=ISO-8859-1";
            ApiClient.Reply r = yolanda.put("/api/deposits/" + deposit + "/files/t" + round + ".csv", type, bytes);
            if (r.status() == 201) {
                stored++;
                continue;
            }
            assertTrue(r.status() >= 400 && r.status() < 500, "round " + round + ": " + r.status() + " " + r.body());
            assertTrue(r.header("Content-Type").startsWith("application/problem+json"), "round " + round);
        }
        assertEquals(
                stored,
                yolanda.get("/api/deposits/" + deposit).json().path("files").size(),
                "exactly the accepted uploads are in the deposit");
    }
}
