package org.facsimile.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoverageTest {

    @Test
    void aPeriodMayBeOpenAtEitherEndButNotBackwards() {
        LocalDate start = LocalDate.of(2019, 3, 1);
        LocalDate end = LocalDate.of(2023, 10, 31);
        assertEquals("2019-03-01/2023-10-31", new Coverage(start, end, null).period());
        assertEquals("2019-03-01/..", new Coverage(start, null, null).period());
        assertEquals("../2023-10-31", new Coverage(null, end, null).period());
        assertNull(Coverage.NONE.period());
        assertFalse(Coverage.NONE.hasPeriod());
        assertThrows(IllegalArgumentException.class, () -> new Coverage(end, start, null));
        assertNull(new Coverage(null, null, "  ").place(), "a blank place is none");
    }
}
