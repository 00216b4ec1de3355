package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The network's shape: embedding widths per column, the masks and selection built from them, its file. */
class ArgnNetworkTest {

    @Test
    void fewValuedColumnsUseFewerEmbeddingNumbers() {
        assertEquals(2, ArgnNetwork.width(2, 12), "yes/no");
        assertEquals(8, ArgnNetwork.width(16, 12), "sixteen bins");
        assertEquals(12, ArgnNetwork.width(42, 12), "forty-two countries: the whole embedding");
        assertEquals(12, ArgnNetwork.width(1_000, 12));
        assertEquals(1, ArgnNetwork.width(2, 1), "never wider than the embedding");
        assertArrayEquals(new int[] {2, 8, 12}, ArgnNetwork.widths(new int[] {2, 16, 42}, 12));
    }

    @Test
    void theSelectionKeepsEachColumnsOwnNumbersAndTheMaskFollowsIt() {
        ArgnNetwork network = ArgnNetwork.initial(new int[] {2, 16}, 4, 3, new Random(1));
        assertArrayEquals(new int[] {2, 4}, network.widths);
        assertEquals(6, network.context());
        float[] select = network.selection(); // [2 * 4, 6]
        float[][] expected = new float[8][6];
        expected[0][0] = 1; // column 0, number 0 -> context 0
        expected[1][1] = 1;
        for (int k = 0; k < 4; k++) {
            expected[4 + k][2 + k] = 1; // column 1 uses all four
        }
        for (int r = 0; r < 8; r++) {
            for (int d = 0; d < 6; d++) {
                assertEquals(expected[r][d], select[r * 6 + d], "row " + r + ", context " + d);
            }
        }
        // column 1 is predicted after column 0: it sees column 0's two numbers, nothing of its own
        float[] mask = network.embeddingMask(ArgnNetwork.orderMask(new int[] {0, 1}));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0}, mask);
        assertNull(ArgnNetwork.initial(new int[] {50, 60}, 4, 3, new Random(1)).selection(), "all numbers used");
    }

    @Test
    void widthsSurviveTheFileAndOlderFilesReadAsFullWidth() throws IOException {
        ArgnNetwork network = ArgnNetwork.initial(new int[] {2, 16, 5}, 6, 4, new Random(2));
        ArgnNetwork back = ArgnNetwork.read(new DataInputStream(new ByteArrayInputStream(bytes(network))), true);
        assertArrayEquals(network.widths, back.widths);
        for (int p = 0; p < network.parameters.length; p++) {
            assertArrayEquals(network.parameters[p], back.parameters[p], ArgnNetwork.NAMES[p]);
        }
        // a file of model format 2: no widths, every column the whole embedding
        int[] vocab = {2, 3};
        int[] full = ArgnNetwork.fullWidths(2, 4);
        long[][] shapes = ArgnNetwork.shapes(vocab, 4, full, 5);
        float[][] parameters = new float[shapes.length][];
        for (int p = 0; p < shapes.length; p++) {
            parameters[p] = new float[Math.toIntExact(ArgnNetwork.size(shapes[p]))];
        }
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(old)) {
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(3);
            out.writeInt(4);
            out.writeInt(5);
            for (float[] parameter : parameters) {
                out.writeInt(parameter.length);
                for (float x : parameter) {
                    out.writeFloat(x);
                }
            }
            out.writeInt(1);
            out.writeInt(0);
        }
        ArgnNetwork older = ArgnNetwork.read(new DataInputStream(new ByteArrayInputStream(old.toByteArray())), false);
        assertArrayEquals(full, older.widths);
        assertArrayEquals(new int[] {1, 0}, older.order);
        assertNull(older.selection());
        // a width wider than the embedding is a corrupt file
        byte[] corrupt = bytes(network);
        int widthAt = 4 + 3 * 4 + 4; // columns, vocabularies, embedding
        corrupt[widthAt + 3] = 9;
        assertThrows(
                IOException.class,
                () -> ArgnNetwork.read(new DataInputStream(new ByteArrayInputStream(corrupt)), true));
    }

    private static byte[] bytes(ArgnNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            network.write(out);
        }
        return bytes.toByteArray();
    }
}
