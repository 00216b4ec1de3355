package org.facsimile.synth.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.facsimile.synth.table.ColumnKind;
import org.facsimile.synth.table.ColumnSpec;
import org.junit.jupiter.api.Test;

class ColumnModelTest {

    /** The categories a column model publishes, drawn many times. */
    private static Set<String> published(String[] values, long seed) {
        ColumnModel model =
                ColumnModel.fit(new ColumnSpec("c", ColumnKind.CATEGORICAL, null), values, false, new Random(seed));
        Set<String> seen = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            seen.add(model.marginal().fromUniform(random.nextDouble(), random));
        }
        return seen;
    }

    @Test
    void theRareThresholdIsDrawnFromFourAndFive() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            values.add("common");
        }
        for (int i = 0; i < 3; i++) {
            values.add("three");
        }
        for (int i = 0; i < 4; i++) {
            values.add("four");
        }
        for (int i = 0; i < 5; i++) {
            values.add("five");
        }
        String[] column = values.toArray(String[]::new);
        Set<Boolean> fourKept = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Set<String> published = published(column, seed);
            assertTrue(published.contains("common"));
            assertTrue(published.contains("five"), "seen 5 times: at or above every threshold, always kept");
            assertTrue(!published.contains("three"), "seen 3 times: below every threshold");
            assertTrue(published.contains(DiscreteMarginal.RARE_TOKEN));
            fourKept.add(published.contains("four"));
        }
        assertEquals(Set.of(true, false), fourKept, "seen 4 times: kept under some thresholds, pooled under others");
    }

    @Test
    void identifiersAreFreshAndNeverLearnt() {
        ColumnModel model = ColumnModel.fit(
                new ColumnSpec("id", ColumnKind.IDENTIFIER, null), new String[] {"17", "99"}, true, new Random(1));
        assertEquals(null, model.marginal());
        assertEquals("1", model.generate(0, 1, new Random(1)));
        assertEquals("3", model.generate(2, 1, new Random(1)));
    }
}
