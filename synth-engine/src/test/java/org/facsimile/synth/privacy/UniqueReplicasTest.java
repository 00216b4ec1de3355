package org.facsimile.synth.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.Table;
import org.facsimile.synth.table.TableSpec;
import org.junit.jupiter.api.Test;

class UniqueReplicasTest {

    static final TableSpec SPEC = new TableSpec(
            "t",
            List.of(
                    new ColumnSpec("id", ColumnKind.IDENTIFIER, null),
                    new ColumnSpec("name", ColumnKind.TEXT, null, PersonalData.PERSON_NAME),
                    new ColumnSpec("town", ColumnKind.CATEGORICAL, null),
                    new ColumnSpec("age", ColumnKind.INTEGER, null)),
            List.of("id"));

    static Table training() {
        List<String[]> rows = new ArrayList<>(List.of(
                new String[] {"1", "Ann Lee", "Oxford", "34"},
                new String[] {"2", "Bo Chan", "Leeds", "51"},
                new String[] {"3", "Cy Ode", "Leeds", "51"},
                new String[] {"4", "Di Roy", "York", null},
                new String[] {"5", "Ed Fox", "Ely", ""}));
        return new Table("t", SPEC.columnNames(), rows);
    }

    @Test
    void aRowSeenOnceIsACopyWhateverItsKeyAndDirectIdentifiers() {
        UniqueReplicas replicas = UniqueReplicas.of(training(), SPEC);
        assertEquals(3, replicas.count(), "Oxford 34, York missing, Ely empty; Leeds 51 twice");
        assertTrue(replicas.copies(new String[] {"99", "Zed Fake", "Oxford", "34"}));
        assertTrue(replicas.copies(new String[] {"7", null, "York", null}));
        assertTrue(replicas.copies(new String[] {"8", "X", "Ely", ""}));
    }

    @Test
    void aRepeatedRowOrAnyOtherRowIsNot() {
        UniqueReplicas replicas = UniqueReplicas.of(training(), SPEC);
        assertFalse(replicas.copies(new String[] {"1", "Ann Lee", "Leeds", "51"}), "two people share it");
        assertFalse(replicas.copies(new String[] {"1", "Ann Lee", "Oxford", "35"}));
        assertFalse(replicas.copies(new String[] {"4", "Di Roy", "York", ""}), "empty is not missing");
        assertFalse(replicas.copies(new String[] {"5", "Ed Fox", "Ely", null}), "missing is not empty");
        // values are kept apart, not run together
        assertFalse(replicas.copies(new String[] {"1", "Ann Lee", "Oxford3", "4"}));
    }

    @Test
    void holdsHashesOnlyAndScalesToManyRows() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            rows.add(new String[] {Integer.toString(i), "n", "town" + (i % 1000), Integer.toString(i / 1000)});
        }
        UniqueReplicas replicas = UniqueReplicas.of(new Table("t", SPEC.columnNames(), rows), SPEC);
        assertEquals(200_000, replicas.count());
        assertFalse(replicas.copies(new String[] {"x", "y", "town7", "200"}));
        assertTrue(replicas.copies(new String[] {"x", "y", "town7", "0"}));
        assertEquals(
                0,
                Arrays.stream(UniqueReplicas.class.getDeclaredFields())
                        .filter(f -> !f.getType().isPrimitive() && !f.getType().isArray())
                        .count(),
                "no row or string is kept");
    }
}
