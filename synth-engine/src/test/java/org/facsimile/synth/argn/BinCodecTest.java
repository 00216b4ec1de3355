package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.facsimile.synth.columns.ContinuousMarginal;
import org.facsimile.synth.columns.DiscreteMarginal;
import org.facsimile.synth.table.ColumnKind;
import org.junit.jupiter.api.Test;

class BinCodecTest {

    @Test
    void aCategoryIsItsOwnTokenAndComesBackUnchanged() {
        String[] values = new String[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 10 ? null : i < 60 ? "red" : i < 98 ? "blue" : "ultraviolet";
        }
        BinCodec codec = new BinCodec(DiscreteMarginal.fit(values, false, 5), 48);
        assertEquals(4, codec.size(), "missing, red, blue and the rare token");
        Random random = new Random(1);
        for (String value : new String[] {null, "red", "blue"}) {
            for (int i = 0; i < 50; i++) {
                assertEquals(value, codec.decode(codec.encode(value, random), random));
            }
        }
        assertEquals(DiscreteMarginal.RARE_TOKEN, codec.decode(codec.encode("ultraviolet", random), random));
    }

    @Test
    void aNumberComesBackWithinItsQuantileBin() {
        Random data = new Random(2);
        String[] values = new String[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 20 == 0 ? null : Long.toString(Math.round(1000 * data.nextGaussian()));
        }
        BinCodec codec = new BinCodec(ContinuousMarginal.fit(values, ColumnKind.INTEGER, 5), 17);
        assertEquals(17, codec.size(), "missing and 16 quantile bins");
        Random random = new Random(3);
        int[] perToken = new int[codec.size()];
        int sameBin = 0;
        for (String value : values) {
            int token = codec.encode(value, random);
            perToken[token]++;
            String back = codec.decode(token, random);
            if (value == null) {
                assertNull(back);
            } else {
                // rounding to an integer may carry a value at a bin's edge across it, no further
                int again = codec.encode(back, random);
                assertTrue(Math.abs(again - token) <= 1, value + " came back as " + back);
                sameBin += again == token ? 1 : 0;
            }
        }
        assertTrue(sameBin > 0.97 * 4750, "values in their own bin: " + sameBin);
        assertEquals(250, perToken[0], "missing is the first token");
        for (int t = 1; t < perToken.length; t++) {
            assertEquals(4750 / 16.0, perToken[t], 40, "bins hold equal shares: " + t);
        }
    }

    @Test
    void clippedExtremesStayInsideTheBins() {
        String[] values = new String[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Integer.toString(i);
        }
        values[999] = "1000000";
        BinCodec codec = new BinCodec(ContinuousMarginal.fit(values, ColumnKind.INTEGER, 5), 10);
        Random random = new Random(4);
        String top = codec.decode(codec.encode("1000000", random), random);
        assertTrue(Long.parseLong(top) <= 995, "the outlier is never reproduced: " + top);
    }
}
