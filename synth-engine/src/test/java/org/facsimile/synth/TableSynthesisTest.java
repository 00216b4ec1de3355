package org.facsimile.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
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
}
