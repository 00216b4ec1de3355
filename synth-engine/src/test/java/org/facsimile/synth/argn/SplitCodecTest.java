package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.facsimile.synth.columns.DiscreteMarginal;
import org.junit.jupiter.api.Test;

/** A column of many categories becomes two narrow token positions and comes back the same. */
class SplitCodecTest {

    @Test
    void manyCategoriesRoundTripThroughTwoPositions() {
        String[] values = new String[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = "city" + (i % 1000);
        }
        ColumnCodec codec = SplitCodec.of(new BinCodec(DiscreteMarginal.fit(values, false, 5), 16));
        int[] vocab = codec.vocab();
        assertEquals(2, vocab.length);
        assertTrue(vocab[0] * vocab[1] >= 1000 && vocab[0] <= 40 && vocab[1] <= 40, java.util.Arrays.toString(vocab));
        Random random = new Random(3);
        int[] tokens = new int[2];
        for (int i = 0; i < 1000; i++) {
            codec.encode("city" + i, random, tokens, 0);
            assertTrue(tokens[0] < vocab[0] && tokens[1] < vocab[1]);
            assertEquals("city" + i, codec.decode(tokens, 0, random));
        }
        // a remainder past the last group's end is still a real category
        tokens[0] = vocab[0] - 1;
        tokens[1] = vocab[1] - 1;
        assertTrue(codec.decode(tokens, 0, random).startsWith("city"));
    }

    @Test
    void fewTokensStayOnePosition() {
        String[] values = {"a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"};
        assertEquals(
                1,
                SplitCodec.of(new BinCodec(DiscreteMarginal.fit(values, false, 5), 16))
                        .vocab()
                        .length);
    }
}
