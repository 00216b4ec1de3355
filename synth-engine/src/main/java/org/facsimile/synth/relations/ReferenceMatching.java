package org.facsimile.synth.relations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The references that are not a context, filled after generation. A matched reference: each
 * synthetic child row refers (or not, at the real share of empty references) to a synthetic
 * parent, each parent taking as many referring rows as a real parent drawn at random had. A
 * reference to a table published as deposited: learnt as one of the child's columns, so only a
 * value that is no key of the table is replaced.
 */
final class ReferenceMatching {

    private ReferenceMatching() {}

    /**
     * A reference to a table published as deposited, learnt as one of the child's columns: a value
     * the model pooled as rare, or any other that is no key of the table, becomes a key drawn at
     * random among the keys no synthetic row took, so the pool's rows refer to real, public keys
     * without singling out the few parents they came from.
     */
    static void keepPublished(TableWork parent, TableWork child, Relations.Relation r, Random random) {
        int c = child.spec.columnNames().indexOf(r.column());
        int key = parent.spec.columnNames().indexOf(r.parentColumn());
        Set<String> keys = new LinkedHashSet<>();
        for (String[] row : parent.synthetic) {
            keys.add(row[key]);
        }
        Set<String> taken = new HashSet<>();
        for (String[] row : child.synthetic) {
            if (row[c] != null && keys.contains(row[c])) {
                taken.add(row[c]);
            }
        }
        List<String> pool = keys.stream().filter(k -> !taken.contains(k)).toList();
        List<String> from = pool.isEmpty() ? List.copyOf(keys) : pool;
        for (String[] row : child.synthetic) {
            if (row[c] != null && !keys.contains(row[c])) {
                row[c] = from.isEmpty() ? null : from.get(random.nextInt(from.size()));
            }
        }
    }

    /** Fills the child's reference column of every synthetic row. */
    static void match(TableWork parent, TableWork child, Relations.Relation r, Random random) {
        int c = child.spec.columnNames().indexOf(r.column());
        int key = parent.spec.columnNames().indexOf(r.parentColumn());
        int[] refs = TableWork.parentRows(parent, child, r);
        int[] degree = new int[parent.input.table().rowCount()];
        long empty = 0;
        for (int i = 0; i < refs.length; i++) {
            if (child.input.table().row(i)[c] == null) {
                empty++;
            } else if (refs[i] >= 0) {
                degree[refs[i]]++;
            }
        }
        double emptyShare = refs.length == 0 ? 0 : (double) empty / refs.length;
        List<Integer> referring = new ArrayList<>();
        for (int i = 0; i < child.synthetic.size(); i++) {
            child.synthetic.get(i)[c] = null;
            if (random.nextDouble() >= emptyShare) {
                referring.add(i);
            }
        }
        int parents = parent.synthetic.size();
        if (parents == 0 || degree.length == 0) {
            return;
        }
        boolean anyReferred = Arrays.stream(degree).anyMatch(d -> d > 0);
        List<Integer> slots = new ArrayList<>();
        for (int p = 0; p < parents; p++) {
            int d = anyReferred ? degree[random.nextInt(degree.length)] : 1;
            for (int k = 0; k < d; k++) {
                slots.add(p);
            }
        }
        // the drawn counts rarely add up to the referring rows: the few missing go to parents drawn
        // at random, a surplus is dropped at random (a second round of counts would give most parents
        // twice theirs, and dropping half of those undo a one-to-one reference)
        while (slots.size() < referring.size()) {
            slots.add(random.nextInt(parents));
        }
        Collections.shuffle(slots, random);
        for (int k = 0; k < referring.size(); k++) {
            child.synthetic.get(referring.get(k))[c] = parent.synthetic.get(slots.get(k))[key];
        }
    }
}
