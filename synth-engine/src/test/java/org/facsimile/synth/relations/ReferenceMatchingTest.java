package org.facsimile.synth.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class ReferenceMatchingTest {

    static final TableSpec CLIENTS =
            new TableSpec("clients", List.of(new ColumnSpec("client", ColumnKind.IDENTIFIER, null)), List.of("client"));
    static final TableSpec CARDS = new TableSpec(
            "cards",
            List.of(
                    new ColumnSpec("card", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("client", ColumnKind.IDENTIFIER, null)),
            List.of("card"));

    @Test
    void aOneToOneReferenceStaysNearlyOneToOneWhenTheCountsDoNotAddUp() {
        // every real client holds exactly one card; the synthetic tables have 1,000 clients and 1,010 cards
        List<String[]> clients = new ArrayList<>();
        List<String[]> cards = new ArrayList<>();
        for (int c = 1; c <= 1_000; c++) {
            clients.add(new String[] {"c" + c});
            cards.add(new String[] {"k" + c, "c" + c});
        }
        TableWork parent = work(new DatasetTable(
                "clients", new Table("clients", CLIENTS.columnNames(), clients), CLIENTS, List.of(), List.of()));
        parent.synthetic = clients;
        TableWork child = work(new DatasetTable(
                "cards",
                new Table("cards", CARDS.columnNames(), cards),
                CARDS,
                List.of(),
                List.of(ForeignKey.of("client", "clients", "client"))));
        child.synthetic = new ArrayList<>();
        for (int k = 1; k <= 1_010; k++) {
            child.synthetic.add(new String[] {"s" + k, null});
        }
        ReferenceMatching.match(
                parent, child, new Relations.Relation("cards", "client", "clients", "client", false), new Random(2));
        Map<String, Integer> held = new HashMap<>();
        for (String[] card : child.synthetic) {
            held.merge(card[1], 1, Integer::sum);
        }
        long one = held.values().stream().filter(n -> n == 1).count();
        // the ten surplus cards make at most ten clients hold two
        assertTrue(one >= 980, "clients with one card: " + one);
        assertEquals(1_010, held.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static TableWork work(DatasetTable table) {
        TableWork w = new TableWork(table);
        w.real = table.table();
        w.spec = table.spec();
        return w;
    }
}
