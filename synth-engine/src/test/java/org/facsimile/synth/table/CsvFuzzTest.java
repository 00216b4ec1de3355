package org.facsimile.synth.table;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the CSV reader, seeded so a failure replays: valid tables are damaged
 * (bytes flipped, quotes, line ends, NULs and invalid UTF-8 inserted, ranges dropped, repeated or
 * cut), and every result must be a table or a {@link CsvProblem} — never another exception, which
 * the upload endpoint would turn into a 500.
 */
class CsvFuzzTest {

    private static final List<String> SEEDS = List.of(
            "id,name,score,when\n1,Ann,3.5,2025-01-02\n2,\"Bo, Jr.\",,2025-02-03\n3,\"multi\nline\",7,2025-03-04\n",
            "\uFEFFa;b;c\r\n1;2;3\r\n4;5;6\r\n",
            "x\n\"\"\"quoted\"\"\"\n\n-1e3\n",
            "k,v\nü,ß\n日本,語\n",
            "a,b\n1,2\n3\n4,5,6\n");
    private static final byte[] NASTY = {'"', '\n', '\r', ',', ';', 0, (byte) 0xFF, (byte) 0xC3, (byte) 0xEF, '\t'};

    @Test
    void damagedTablesAreReadOrRefusedNeverCrash() {
        Random random = new Random(20261123L);
        for (int round = 0; round < 3000; round++) {
            byte[] input = mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), random);
            Charset charset = random.nextInt(4) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            try {
                CsvInspection inspection = CsvTables.inspect(new ByteArrayInputStream(input), "t.csv", charset);
                if (charset == StandardCharsets.UTF_8) {
                    CsvTables.read(new ByteArrayInputStream(input), "t.csv", inspection.spec());
                }
            } catch (CsvProblem expected) {
                // a clear refusal
            } catch (RuntimeException e) {
                fail("round " + round + " crashed on " + Arrays.toString(input), e);
            }
        }
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = NASTY[random.nextInt(NASTY.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                case 2 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(8));
                    byte[] shorter = new byte[bytes.length - (end - at)];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, end, shorter, at, bytes.length - end);
                    bytes = shorter;
                }
                case 3 -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
                    byte[] longer = new byte[bytes.length + (end - at)];
                    System.arraycopy(bytes, 0, longer, 0, end);
                    System.arraycopy(bytes, at, longer, end, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }
}
