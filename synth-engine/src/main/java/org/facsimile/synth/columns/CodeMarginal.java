package org.facsimile.synth.columns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.facsimile.synth.personal.RealValues;

/**
 * A code column (postcodes, airport codes, product numbers: short values without spaces, too
 * many to learn one by one) as its characters, position by position: at each position the
 * characters seen there (and the end of the code) with their shares. A network learns the
 * positions jointly with the other columns, so a postcode's first digits follow the state it is
 * in, and every synthetic code has the real codes' shape (length, leading zeros, letters where
 * letters are). Value protection: a character seen at a position in fewer rows than the threshold
 * is published as that position's most common one; and a code that spells out a real code seen in
 * fewer rows than the threshold (kept as salted hashes only, as {@link RealValues} keeps them) has
 * a character changed from the end until it is none, so no one's own code is published even where
 * the codes fill their space densely.
 *
 * <p>As a {@link Marginal} (for the copula) a code maps to the uniform range position by position,
 * the first character the most significant, as arithmetic coding does with independent positions.
 */
public final class CodeMarginal implements Marginal {

    /** Marks the end of a code among a position's characters. */
    static final char END = '\0';

    private final double missingShare;
    /** Per position, its characters (END among them where codes end there), most common first. */
    private final char[][] alphabet;
    /** Per position, the running shares of its characters. */
    private final double[][] cumulative;
    /** The real codes seen in fewer rows than the threshold, as salted hashes. */
    private final RealValues rare;

    /** Changed characters tried before a rare real code is published as the rare token instead. */
    static final int PROTECTION_ATTEMPTS = 64;

    private CodeMarginal(double missingShare, char[][] alphabet, double[][] cumulative, RealValues rare) {
        this.missingShare = missingShare;
        this.alphabet = alphabet;
        this.cumulative = cumulative;
        this.rare = rare;
    }

    /**
     * @param column training values (null = missing)
     * @param rareThreshold a character seen at a position in fewer rows than this is not published there
     */
    public static CodeMarginal fit(String[] column, int rareThreshold) {
        int longest = 1;
        int missing = 0;
        for (String v : column) {
            if (v == null) {
                missing++;
            } else {
                longest = Math.max(longest, v.length());
            }
        }
        // positions that fewer than the threshold reach are not published: codes end before them
        int[] reaching = new int[longest + 1];
        for (String v : column) {
            if (v != null) {
                reaching[v.length()]++;
            }
        }
        int length = longest;
        int beyond = 0;
        while (length > 1 && beyond + reaching[length] < rareThreshold) {
            beyond += reaching[length];
            length--;
        }
        char[][] alphabet = new char[length][];
        double[][] cumulative = new double[length][];
        for (int p = 0; p < length; p++) {
            Map<Character, Integer> counts = new HashMap<>();
            for (String v : column) {
                if (v != null && v.length() >= p) {
                    char c = v.length() == p ? END : v.charAt(p);
                    if (p > 0 || c != END) {
                        counts.merge(c, 1, Integer::sum);
                    }
                }
            }
            if (counts.isEmpty()) {
                counts.put(END, 1);
            }
            // the most common character, the lowest on a tie, so a fit is the same on every run
            char common = 0;
            int most = -1;
            for (Map.Entry<Character, Integer> e : counts.entrySet()) {
                if (e.getValue() > most || e.getValue() == most && e.getKey() < common) {
                    common = e.getKey();
                    most = e.getValue();
                }
            }
            final char pooled = common;
            Map<Character, Integer> kept = new HashMap<>();
            counts.forEach((c, n) -> kept.merge(n < rareThreshold ? pooled : c, n, Integer::sum));
            Character[] chars = kept.keySet().toArray(Character[]::new);
            Arrays.sort(
                    chars,
                    (a, b) -> kept.get(b).equals(kept.get(a)) ? Character.compare(a, b) : kept.get(b) - kept.get(a));
            alphabet[p] = new char[chars.length];
            cumulative[p] = new double[chars.length];
            double total = kept.values().stream().mapToInt(Integer::intValue).sum();
            double running = 0;
            for (int i = 0; i < chars.length; i++) {
                alphabet[p][i] = chars[i];
                running += kept.get(chars[i]) / total;
                cumulative[p][i] = running;
            }
            cumulative[p][chars.length - 1] = 1.0;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String v : column) {
            if (v != null) {
                seen.merge(v, 1, Integer::sum);
            }
        }
        String[] rareCodes = seen.entrySet().stream()
                .filter(e -> e.getValue() < rareThreshold)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        return new CodeMarginal(
                column.length == 0 ? 0 : missing / (double) column.length,
                alphabet,
                cumulative,
                RealValues.of(rareCodes));
    }

    /**
     * A drawn code that is not a rare real one: as drawn, or with a character changed (the last
     * positions first, each position's likeliest characters first), or the rare token.
     */
    String protect(String code) {
        if (code == null || !rare.contains(code)) {
            return code;
        }
        int attempts = 0;
        char[] chars = code.toCharArray();
        for (int p = chars.length - 1; p >= 0; p--) {
            char original = chars[p];
            for (char c : alphabet[Math.min(p, alphabet.length - 1)]) {
                if (c == END || c == original) {
                    continue;
                }
                if (++attempts > PROTECTION_ATTEMPTS) {
                    return DiscreteMarginal.RARE_TOKEN;
                }
                chars[p] = c;
                String changed = new String(chars);
                if (!rare.contains(changed)) {
                    return changed;
                }
            }
            chars[p] = original;
        }
        return DiscreteMarginal.RARE_TOKEN;
    }

    /** How many character positions a code has at most. */
    public int length() {
        return alphabet.length;
    }

    /** Whether some values are missing (the first position then has a token for it). */
    public boolean hasMissing() {
        return missingShare > 0;
    }

    /** The tokens of each position: its characters, and on the first position missing when there is any. */
    public int[] vocab() {
        int[] vocab = new int[alphabet.length];
        for (int p = 0; p < vocab.length; p++) {
            vocab[p] = alphabet[p].length + (p == 0 && hasMissing() ? 1 : 0);
        }
        return vocab;
    }

    /**
     * The value's tokens from {@code offset}: each position's character, a character not published
     * there as the position's most common one, the positions after the end as the end (or the
     * most common character where no code ends there); missing as token 0 everywhere.
     */
    public void encode(String value, int[] out, int offset) {
        int shift = hasMissing() ? 1 : 0;
        if (value == null) {
            Arrays.fill(out, offset, offset + alphabet.length, 0);
            return;
        }
        boolean ended = false;
        for (int p = 0; p < alphabet.length; p++) {
            char c = ended || p >= value.length() ? END : value.charAt(p);
            ended |= c == END;
            int token = indexOf(alphabet[p], c);
            out[offset + p] = Math.max(0, token) + (p == 0 ? shift : 0);
        }
    }

    /** The code the tokens from {@code offset} spell, up to the first end; null for missing. */
    public String decode(int[] tokens, int offset) {
        int shift = hasMissing() ? 1 : 0;
        if (shift == 1 && tokens[offset] == 0) {
            return null;
        }
        StringBuilder code = new StringBuilder(alphabet.length);
        for (int p = 0; p < alphabet.length; p++) {
            int token = tokens[offset + p] - (p == 0 ? shift : 0);
            char c = alphabet[p][Math.max(0, Math.min(alphabet[p].length - 1, token))];
            if (c == END) {
                break;
            }
            code.append(c);
        }
        return protect(code.toString());
    }

    @Override
    public double toUniform(String value, Random random) {
        if (value == null) {
            return random.nextDouble() * missingShare;
        }
        int[] tokens = new int[alphabet.length];
        encode(value, tokens, 0);
        int shift = hasMissing() ? 1 : 0;
        double low = 0;
        double width = 1;
        for (int p = 0; p < alphabet.length; p++) {
            int t = tokens[p] - (p == 0 ? shift : 0);
            double before = t == 0 ? 0 : cumulative[p][t - 1];
            low += width * before;
            width *= cumulative[p][t] - before;
            if (alphabet[p][t] == END) {
                break;
            }
        }
        return missingShare + (1 - missingShare) * (low + random.nextDouble() * width);
    }

    @Override
    public String fromUniform(double u, Random random) {
        if (u < missingShare) {
            return null;
        }
        double v = Math.min(Math.nextDown(1.0), Math.max(0, (u - missingShare) / (1 - missingShare)));
        StringBuilder code = new StringBuilder(alphabet.length);
        for (int p = 0; p < alphabet.length; p++) {
            int t = Io.index(cumulative[p], v);
            double before = t == 0 ? 0 : cumulative[p][t - 1];
            double share = cumulative[p][t] - before;
            v = share <= 0 ? 0 : Math.min(Math.nextDown(1.0), Math.max(0, (v - before) / share));
            if (alphabet[p][t] == END) {
                break;
            }
            code.append(alphabet[p][t]);
        }
        return protect(code.toString());
    }

    @Override
    public double[] bins(int maxBins) {
        int quantileBins = Math.max(1, maxBins - (hasMissing() ? 1 : 0));
        double[] edges = new double[quantileBins + (hasMissing() ? 1 : 0)];
        int i = 0;
        if (hasMissing()) {
            edges[i++] = missingShare;
        }
        for (int b = 1; b <= quantileBins; b++) {
            edges[i++] = missingShare + (1 - missingShare) * b / quantileBins;
        }
        edges[edges.length - 1] = 1.0;
        return edges;
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(missingShare);
        out.writeInt(alphabet.length);
        for (int p = 0; p < alphabet.length; p++) {
            Io.writeString(out, new String(alphabet[p]));
            Io.writeDoubles(out, cumulative[p]);
        }
        rare.write(out);
    }

    public static CodeMarginal read(DataInputStream in) throws IOException {
        double missingShare = in.readDouble();
        int length = Io.count(in);
        char[][] alphabet = new char[length][];
        double[][] cumulative = new double[length][];
        for (int p = 0; p < length; p++) {
            String chars = Io.readString(in);
            alphabet[p] = chars == null ? new char[0] : chars.toCharArray();
            cumulative[p] = Io.readDoubles(in);
            if (alphabet[p].length == 0 || alphabet[p].length != cumulative[p].length) {
                throw new IOException("corrupt model file: code position " + p);
            }
        }
        return new CodeMarginal(missingShare, alphabet, cumulative, RealValues.read(in));
    }
}
