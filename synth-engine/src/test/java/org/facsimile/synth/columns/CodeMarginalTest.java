package org.facsimile.synth.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.table.KeyShape;
import org.junit.jupiter.api.Test;

/** Codes keep their shape; no rare real code is spelt out; fresh keys keep the real keys' shape. */
class CodeMarginalTest {

    /** Five-digit codes with leading zeros, each seen once, plus a few seen often. */
    private static String[] postcodes() {
        String[] values = new String[3000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10 == 0 ? "00501" : i % 97 == 0 ? null : String.format("%05d", 1000 + i * 31);
        }
        return values;
    }

    @Test
    void codesKeepTheirShapeAndNoRareRealOneIsPublished() {
        String[] values = postcodes();
        CodeMarginal marginal = CodeMarginal.fit(values, 5);
        Set<String> once = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.equals("00501")) {
                once.add(v);
            }
        }
        Random random = new Random(1);
        int frequent = 0;
        int missing = 0;
        for (int i = 0; i < 5000; i++) {
            String code = marginal.fromUniform(random.nextDouble(), random);
            if (code == null) {
                missing++;
                continue;
            }
            assertTrue(code.matches("[0-9]{5}") || code.equals(DiscreteMarginal.RARE_TOKEN), code);
            assertFalse(once.contains(code), "a code seen once is never published");
            frequent += code.equals("00501") ? 1 : 0;
        }
        assertTrue(frequent > 0, "a frequent code is published");
        assertTrue(missing > 0 && missing < 200, "missing codes keep their share: " + missing);
    }

    @Test
    void tokensRoundTripAndSurviveTheModelFile() throws Exception {
        CodeMarginal marginal = CodeMarginal.fit(postcodes(), 5);
        int[] tokens = new int[marginal.length()];
        marginal.encode("00501", tokens, 0);
        assertEquals("00501", marginal.decode(tokens, 0));
        marginal.encode(null, tokens, 0);
        assertEquals(null, marginal.decode(tokens, 0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        marginal.write(new DataOutputStream(bytes));
        CodeMarginal read = CodeMarginal.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        marginal.encode("00501", tokens, 0);
        assertEquals("00501", read.decode(tokens, 0));
        assertEquals(java.util.Arrays.toString(marginal.vocab()), java.util.Arrays.toString(read.vocab()));
    }

    @Test
    void aDenseSpaceOfUniqueCodesPublishesNoneOfThem() {
        String[] values = new String[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = String.format("A%03d", i % 1000);
        }
        // every code A000..A999 is real and seen twice: below the threshold, so none may appear
        CodeMarginal marginal = CodeMarginal.fit(values, 5);
        Random random = new Random(2);
        for (int i = 0; i < 2000; i++) {
            String code = marginal.fromUniform(random.nextDouble(), random);
            assertTrue(!code.matches("A[0-9]{3}"), code);
        }
    }

    @Test
    void freshKeysKeepTheRealKeysShape() {
        // whole numbers count from 1; other shapes from the power of ten above the real keys
        assertEquals("42", KeyShape.of(new String[] {"7", "1000"}).key(41, 0));
        assertEquals(
                "C-100041",
                KeyShape.of(new String[] {"C-00001", "C-12345", null}).key(41, 0));
        assertEquals("C-10041", KeyShape.of(new String[] {"C-00001", "C-02345"}).key(41, 0));
        assertEquals("10041", KeyShape.of(new String[] {"0007", "1000"}).key(41, 0));
        assertEquals("0141", KeyShape.of(new String[] {"0007", "0099"}).key(41, 0));
        assertEquals("ID10016", KeyShape.of(new String[] {"ID3", "ID1000"}).key(16, 0));
        assertEquals(
                "tok100041x", KeyShape.of(new String[] {"tok0x", "tok99999x"}).key(41, 0));
        assertEquals("tok100041x", KeyShape.ofFresh("tok100000x").key(41, 0));
        String uuid = KeyShape.of(new String[] {"123e4567-e89b-12d3-a456-426614174000"})
                .key(0, 9);
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), uuid);
        assertEquals(KeyShape.FALLBACK, KeyShape.of(new String[] {"A-1", "B-2"}));
        assertEquals("S00000042", KeyShape.FALLBACK.key(41, 0));
    }
}
