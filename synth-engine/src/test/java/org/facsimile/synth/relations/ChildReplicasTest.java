package org.facsimile.synth.relations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.facsimile.synth.ProgressListener;
import org.facsimile.synth.RunReport;
import org.facsimile.synth.SynthesisSettings;
import org.facsimile.synth.argn.ArgnOptions;
import org.facsimile.synth.argn.ArgnSynthesizer;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * A child table's generated rows never hand out a training row seen only once, as a single
 * table's do not: here the children's values are independent draws from 8,400 combinations, so
 * nearly every real row is unique and a model drawing from it hits one by chance about once in
 * twenty draws. Such a row is drawn again, for up to {@code UniqueReplicas.ROUNDS}
 * rounds; the odds that one still copies after them are far below one in a thousand runs.
 */
class ChildReplicasTest {

    static final TableSpec SHOPS = new TableSpec(
            "shops",
            List.of(
                    new ColumnSpec("shop", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("town", ColumnKind.CATEGORICAL, null)),
            List.of("shop"));
    static final TableSpec SALES = new TableSpec(
            "sales",
            List.of(
                    new ColumnSpec("sale", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("shop", ColumnKind.INTEGER, null),
                    new ColumnSpec("product", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("units", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("weekday", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("colour", ColumnKind.CATEGORICAL, null)),
            List.of("sale"));

    @Test
    void noGeneratedChildCopiesATrainingRowSeenOnlyOnce() {
        Random random = new Random(8);
        List<String[]> shops = new ArrayList<>();
        List<String[]> sales = new ArrayList<>();
        for (int s = 1; s <= 300; s++) {
            shops.add(new String[] {Integer.toString(s), "town" + random.nextInt(4)});
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                sales.add(new String[] {
                    Integer.toString(sales.size() + 1),
                    Integer.toString(s),
                    "p" + random.nextInt(20),
                    Integer.toString(1 + random.nextInt(6)),
                    "d" + random.nextInt(7),
                    "c" + random.nextInt(10)
                });
            }
        }
        List<DatasetTable> tables = List.of(
                new DatasetTable("shops", new Table("shops", SHOPS.columnNames(), shops), SHOPS, List.of(), List.of()),
                new DatasetTable(
                        "sales",
                        new Table("sales", SALES.columnNames(), sales),
                        SALES,
                        List.of(),
                        List.of(ForeignKey.of("shop", "shops", "shop"))));
        SynthesisSettings settings = SynthesisSettings.defaults();
        DatasetSynthesis.Result result = new DatasetSynthesis(
                        new ArgnSynthesizer(ArgnOptions.defaults().withMaxEpochs(10)))
                .run(tables, settings, ProgressListener.NONE);

        // the training rows: those of the shops not held out, as the run split them
        boolean[] heldOut = Table.holdoutRows(shops.size(), settings.holdoutShare(), settings.seed());
        Map<String, Integer> seen = new HashMap<>();
        for (String[] sale : sales) {
            if (!heldOut[Integer.parseInt(sale[1]) - 1]) {
                seen.merge(signature(sale), 1, Integer::sum);
            }
        }
        long uniques = seen.values().stream().filter(n -> n == 1).count();
        assertTrue(uniques > 100, "unique training rows: " + uniques);
        int copied = 0;
        for (String[] sale : result.tables().get(1).rows()) {
            copied += seen.getOrDefault(signature(sale), 0) == 1 ? 1 : 0;
        }
        assertEquals(0, copied, "synthetic sales equal to a unique training sale");
        RunReport report = result.reports().get(1);
        assertTrue(report.uniqueReplicasRedrawn() > 0, "drawn again: " + report.uniqueReplicasRedrawn());
    }

    private static String signature(String[] sale) {
        return sale[2] + "|" + sale[3] + "|" + sale[4] + "|" + sale[5];
    }
}
