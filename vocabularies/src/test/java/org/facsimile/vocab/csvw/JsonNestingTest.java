package org.facsimile.vocab.csvw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonNestingTest {

    @Test
    void countsArraysAndObjectsButNotBracketsInStrings() {
        assertNull(JsonNesting.tooDeep("{\"a\":[[1]]}", 3));
        assertEquals("nested deeper than 2 levels at line 1, column 7", JsonNesting.tooDeep("{\"a\":[[1]]}", 2));
        assertNull(JsonNesting.tooDeep("{\"a\":\"[[[[{{{{\\\"[[[\"}", 1));
        assertEquals("nested deeper than 1 levels at line 2, column 2", JsonNesting.tooDeep("{\"a\":\n [1]}", 1));
    }

    @Test
    void aDescriptionTenThousandLevelsDeepIsRefusedWhereItGoesTooDeep() {
        String deep = "{\"@context\":\"http://www.w3.org/ns/csvw\",\"url\":\"a.csv\",\"x\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}";
        CsvwProblem refused = assertThrows(CsvwProblem.class, () -> CsvwJson.read(deep));
        assertEquals("$", refused.path());
        assertTrue(refused.getMessage().contains("deeper than 64 levels"), refused.getMessage());
        assertThrows(CsvwProblem.class, () -> CsvwJson.notes(deep));
        assertThrows(CsvwProblem.class, () -> CsvwJson.readTable(deep));
    }
}
