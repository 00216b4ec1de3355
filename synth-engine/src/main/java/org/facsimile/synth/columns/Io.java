package org.facsimile.synth.columns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reading and writing models' parameters, with bounds checked on the way in, and the
 * search in a cumulative distribution the parts share.
 */
public final class Io {

    /** Larger counts mean a corrupt or hostile file, not a model. */
    private static final int MAX_COUNT = 50_000_000;

    private Io() {}

    /** The first index whose cumulative probability reaches {@code u}: sampling by inverse CDF. */
    public static int index(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_COUNT) {
            throw new IOException("corrupt model file: string of length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    public static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    public static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("corrupt model file: count " + n);
        }
        return n;
    }
}
