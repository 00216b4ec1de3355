package org.facsimile.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.synth.baseline.GaussianCopulaSynthesizer;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class TableSynthesisTest {

    @Test
    void theModelSeesEachTreatmentOfAColumnAndOnlyIt() {
        TableSpec original = new TableSpec(
                "t",
                List.of(
                        new ColumnSpec("doctor", ColumnKind.TEXT, null, PersonalData.PERSON_NAME),
                        new ColumnSpec("dob", ColumnKind.DATE, null),
                        new ColumnSpec("dod", ColumnKind.DATE, null)),
                List.of());
        // personal data: the repeating doctor pseudonymised, learnt as a category
        TableSpec personal = new TableSpec(
                "t",
                List.of(new ColumnSpec("doctor", ColumnKind.CATEGORICAL, null), original.column(1), original.column(2)),
                List.of());
        // constraints: dob < dod learnt as a difference in days
        TableSpec constrained = new TableSpec(
                "t",
                List.of(original.column(0), original.column(1), new ColumnSpec("dod", ColumnKind.INTEGER, null)),
                List.of());
        TableSpec model = TableSynthesis.merge(original, personal, constrained);
        assertEquals(personal.column(0), model.column(0), "the pseudonyms, not the fakes");
        assertEquals(ColumnKind.DATE, model.column(1).kind());
        assertEquals(ColumnKind.INTEGER, model.column(2).kind(), "the difference");
    }

    @Test
    void noGeneratedRowCopiesATrainingRowSeenOnce() {
        // every combination of three columns once: whatever the model draws is likely some real
        // person's whole row
        TableSpec spec = new TableSpec(
                "t",
                List.of(
                        new ColumnSpec("a", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("b", ColumnKind.CATEGORICAL, null),
                        new ColumnSpec("c", ColumnKind.CATEGORICAL, null)),
                List.of());
        List<String[]> rows = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                for (int c = 0; c < 3; c++) {
                    rows.add(new String[] {"a" + a, "b" + b, "c" + c});
                }
            }
        }
        Table table = new Table("t", spec.columnNames(), rows);
        SynthesisSettings settings = SynthesisSettings.defaults();
        List<String[]> out = new ArrayList<>();
        RunReport report = new TableSynthesis(new GaussianCopulaSynthesizer())
                .run(table, spec, settings, ProgressListener.NONE, out::add);

        Map<String, Integer> training = new HashMap<>();
        for (String[] row : table.split(settings.holdoutShare(), settings.seed())[0].rows()) {
            training.merge(String.join(",", row), 1, Integer::sum);
        }
        assertEquals(300, out.size(), "as many rows as asked for");
        for (String[] row : out) {
            assertFalse(training.getOrDefault(String.join(",", row), 0) == 1, String.join(",", row));
        }
        assertTrue(
                report.uniqueReplicasRedrawn() > 100,
                "most first draws were copies: " + report.uniqueReplicasRedrawn());
        assertEquals(0, report.privacy().identicalMatchShare());
    }
}
