package org.facsimile.synth.privacy;

import java.util.Arrays;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;

/**
 * The training rows seen only once, so that no generated row copies one. A synthetic row equal
 * to a unique real row (on every column {@link PrivacyEvaluator} compares: not keys, identifiers
 * or direct identifiers) hands out that person's whole record, however private the model is on
 * the whole; statistical disclosure control removes such replicated uniques (synthpop's {@code
 * sdc(rm.replicated.uniques = TRUE)}). The run draws those rows again instead, so the table keeps
 * its size.
 *
 * <p>It holds 64-bit hashes of the rows, only while the private run generates; a generator written
 * out holds none. A collision of two hashes (odds below one in 10^7 even among a million rows)
 * costs a needless redraw, or lets one unique row pass for a repeated one. A row repeated in the
 * training data is not unique: it describes no one in particular, and real unseen rows repeat it
 * too.
 */
public final class UniqueReplicas {

    /**
     * Rounds of drawing in which a row copying a unique training row is drawn again; past them such
     * rows are kept and the privacy check, which counts identical rows, judges the run (a model that
     * copies most of its rows is refused there, with that reason, not by drawing for ever).
     */
    public static final int ROUNDS = 5;

    private final boolean[] compared;
    private final long[] uniques;

    private UniqueReplicas(boolean[] compared, long[] uniques) {
        this.compared = compared;
        this.uniques = uniques;
    }

    /** The unique rows of {@code training}, compared on the columns {@code spec} says are compared. */
    public static UniqueReplicas of(Table training, TableSpec spec) {
        boolean[] compared = PrivacyEvaluator.compared(spec);
        long[] hashes = new long[training.rowCount()];
        for (int r = 0; r < hashes.length; r++) {
            hashes[r] = hash(training.row(r), compared);
        }
        Arrays.sort(hashes);
        long[] unique = new long[hashes.length];
        int n = 0;
        for (int i = 0; i < hashes.length; ) {
            int j = i + 1;
            while (j < hashes.length && hashes[j] == hashes[i]) {
                j++;
            }
            if (j - i == 1) {
                unique[n++] = hashes[i];
            }
            i = j;
        }
        return new UniqueReplicas(compared, Arrays.copyOf(unique, n));
    }

    /** Whether {@code row} equals a training row seen only once. */
    public boolean copies(String[] row) {
        return Arrays.binarySearch(uniques, hash(row, compared)) >= 0;
    }

    /** Whether {@code row}, drawn in {@code round} (from 0), is to be drawn again: a copy within {@link #ROUNDS}. */
    public boolean drawAgain(String[] row, int round) {
        return round < ROUNDS && copies(row);
    }

    /** How many training rows are unique. */
    public int count() {
        return uniques.length;
    }

    /** FNV-1a over the compared values, each ended by a separator a value cannot hold; missing apart. */
    private static long hash(String[] row, boolean[] compared) {
        long h = 0xcbf29ce484222325L;
        for (int c = 0; c < compared.length; c++) {
            if (!compared[c]) {
                continue;
            }
            String v = row[c];
            if (v == null) {
                h = (h ^ 0x1_0000) * 0x100000001b3L;
            } else {
                for (int i = 0; i < v.length(); i++) {
                    h = (h ^ v.charAt(i)) * 0x100000001b3L;
                }
            }
            h = (h ^ 0x1_0001) * 0x100000001b3L;
        }
        return h;
    }
}
