package org.facsimile.synth.columns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Free text as a bag of words: the length in words and the words themselves are drawn from their
 * frequencies. Only words that occur in at least {@code minRows} different rows are kept, so a
 * word unique to one person (a name, an address) never appears in the output.
 */
public final class TextModel {

    private final double missingShare;
    private final int[] lengths;
    private final String[] words;
    private final double[] cumulative;

    private TextModel(double missingShare, int[] lengths, String[] words, double[] cumulative) {
        this.missingShare = missingShare;
        this.lengths = lengths;
        this.words = words;
        this.cumulative = cumulative;
    }

    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeDouble(missingShare);
        out.writeInt(lengths.length);
        for (int length : lengths) {
            out.writeInt(length);
        }
        out.writeInt(words.length);
        for (String w : words) {
            Io.writeString(out, w);
        }
        Io.writeDoubles(out, cumulative);
    }

    public static TextModel read(java.io.DataInputStream in) throws java.io.IOException {
        double missingShare = in.readDouble();
        int[] lengths = new int[Io.count(in)];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = in.readInt();
        }
        String[] words = new String[Io.count(in)];
        for (int i = 0; i < words.length; i++) {
            words[i] = Io.readString(in);
        }
        return new TextModel(missingShare, lengths, words, Io.readDoubles(in));
    }

    public static TextModel fit(String[] column, int minRows) {
        Map<String, Integer> rowsWithWord = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<Integer> lengths = new ArrayList<>();
        int missing = 0;
        for (String text : column) {
            if (text == null) {
                missing++;
                continue;
            }
            String[] tokens = text.strip().split("\\s+");
            lengths.add(tokens.length);
            Set<String> seen = new HashSet<>();
            for (String t : tokens) {
                counts.merge(t, 1, Integer::sum);
                if (seen.add(t)) {
                    rowsWithWord.merge(t, 1, Integer::sum);
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : rowsWithWord.entrySet()) {
            if (e.getValue() >= minRows) {
                kept.add(e.getKey());
            }
        }
        kept.sort(null);
        double total = 0;
        for (String w : kept) {
            total += counts.get(w);
        }
        double[] cumulative = new double[kept.size()];
        double running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += counts.get(kept.get(i)) / total;
            cumulative[i] = running;
        }
        return new TextModel(
                column.length == 0 ? 1.0 : missing / (double) column.length,
                lengths.stream().mapToInt(Integer::intValue).toArray(),
                kept.toArray(String[]::new),
                cumulative);
    }

    public String sample(Random random) {
        if (words.length == 0 || lengths.length == 0 || random.nextDouble() < missingShare) {
            return null;
        }
        int length = lengths[random.nextInt(lengths.length)];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            double u = random.nextDouble();
            text.append(words[Io.index(cumulative, u)]);
        }
        return text.toString();
    }
}
