package org.facsimile.synth.relations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class SequenceOrderTest {

    static final TableSpec PAYMENTS = new TableSpec(
            "payments",
            List.of(
                    new ColumnSpec("payment", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("account", ColumnKind.INTEGER, null),
                    new ColumnSpec("day", ColumnKind.DATE, null),
                    new ColumnSpec("amount", ColumnKind.DECIMAL, null),
                    new ColumnSpec("branch", ColumnKind.INTEGER, null)),
            List.of("payment"));

    /** Key and reference columns are never the order. */
    static final boolean[] KEYS = {true, true, false, false, false};

    /**
     * Families of 1-6 payments: days rising in every family but {@code unordered} of them, amounts
     * at random, a branch fixed per family (never down, never up).
     */
    static List<String[]> payments(int families, int unordered, List<List<Integer>> members) {
        Random random = new Random(3);
        List<String[]> rows = new ArrayList<>();
        for (int f = 0; f < families; f++) {
            List<Integer> family = new ArrayList<>();
            int size = f < unordered ? 2 : 1 + random.nextInt(6);
            java.time.LocalDate day = java.time.LocalDate.of(2020, 1, 1).plusDays(random.nextInt(100));
            for (int k = 0; k < size; k++) {
                day = f < unordered ? day.minusDays(1 + random.nextInt(5)) : day.plusDays(random.nextInt(9));
                family.add(rows.size());
                rows.add(new String[] {
                    Integer.toString(rows.size() + 1),
                    Integer.toString(f),
                    day.toString(),
                    Integer.toString(random.nextInt(500)),
                    Integer.toString(f % 7)
                });
            }
            members.add(family);
        }
        return rows;
    }

    static List<List<String[]>> rowsOf(List<String[]> rows, List<List<Integer>> families) {
        return families.stream().map(f -> f.stream().map(rows::get).toList()).toList();
    }

    @Test
    void theOrderIsTheColumnNearlyEveryFamilyRisesBy() {
        List<List<Integer>> families = new ArrayList<>();
        List<List<String[]>> real = rowsOf(payments(400, 8, families), families);
        SequenceOrder order = SequenceOrder.find(PAYMENTS, real, KEYS);
        assertEquals(new SequenceOrder(2, "day"), order);
        double share = order.orderedShare(PAYMENTS, real);
        assertTrue(share > 0.95 && share < 1, "share " + share);
    }

    @Test
    void noColumnIsTheOrderWhenTooManyFamiliesGoDownOrNothingRises() {
        List<List<Integer>> families = new ArrayList<>();
        // a tenth of the families go back in time: no order; the branch never changes: no order either
        List<List<String[]>> real = rowsOf(payments(400, 40, families), families);
        assertNull(SequenceOrder.find(PAYMENTS, real, KEYS));
        // the key and the reference rise in every family but are renumbered, so they are never the order
        assertNull(SequenceOrder.find(PAYMENTS, real, new boolean[] {false, false, true, true, true}));
    }

    @Test
    void aFamilyIsSortedStablyWithMissingValuesLast() {
        SequenceOrder order = new SequenceOrder(2, "day");
        List<String[]> family = new ArrayList<>(List.of(
                new String[] {"1", "0", "2021-03-01", "5", "0"},
                new String[] {"2", "0", null, "6", "0"},
                new String[] {"3", "0", "2021-01-15", "7", "0"},
                new String[] {"4", "0", "2021-03-01", "8", "0"}));
        assertFalse(order.inOrder(PAYMENTS, family));
        order.sort(PAYMENTS, family);
        assertArrayEquals(
                new String[] {"3", "1", "4", "2"},
                family.stream().map(r -> r[0]).toArray(String[]::new));
        assertTrue(order.inOrder(PAYMENTS, family));
        assertEquals(SequenceOrder.Step.FLAT, SequenceOrder.steps(ColumnKind.DATE, 2, family.subList(1, 3)));
        assertEquals(SequenceOrder.Step.NONE, SequenceOrder.steps(ColumnKind.DATE, 2, family.subList(2, 4)));
    }
}
