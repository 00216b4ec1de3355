package org.facsimile.synth.argn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;
import org.facsimile.synth.columns.ContinuousMarginal;
import org.facsimile.synth.table.ColumnKind;
import org.junit.jupiter.api.Test;

class CalendarCodecTest {

    @Test
    void aDateIsYearMonthDayAndComesBackExactly() {
        String[] values = new String[400];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 10 == 0
                    ? null
                    : LocalDate.of(2000, 1, 1).plusDays(i * 9L).toString();
        }
        CalendarCodec codec = CalendarCodec.of(ContinuousMarginal.fit(values, ColumnKind.DATE, 5));
        int[] vocab = codec.vocab();
        assertEquals(3, vocab.length);
        assertArrayEquals(new int[] {12, 31}, new int[] {vocab[1], vocab[2]});
        Random random = new Random(1);
        int[] tokens = new int[3];
        // well inside the clipped range: exact
        codec.encode("2004-02-29", random, tokens, 0);
        assertEquals(1, tokens[1]);
        assertEquals(28, tokens[2]);
        assertEquals("2004-02-29", codec.decode(tokens, 0, random));
        codec.encode(null, random, tokens, 0);
        assertNull(codec.decode(tokens, 0, random));
    }

    @Test
    void impossibleDaysAndClippedTailsStayValid() {
        String[] values = new String[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = LocalDate.of(2010, 1, 1).plusDays(i * 3L).toString();
        }
        values[199] = "2090-01-01"; // one person's outlier
        CalendarCodec codec = CalendarCodec.of(ContinuousMarginal.fit(values, ColumnKind.DATE, 5));
        Random random = new Random(2);
        int[] tokens = new int[3];
        codec.encode("2090-01-01", random, tokens, 0);
        String back = codec.decode(tokens, 0, random);
        assertTrue(back.compareTo("2012") < 0, "the outlier is clipped: " + back);
        codec.encode("2011-02-10", random, tokens, 0);
        tokens[2] = 30; // the 31st of February
        assertEquals("2011-02-28", codec.decode(tokens, 0, random));
    }

    @Test
    void dateTimesAddHoursMinutesAndSecondsWhenTheInputHasThem() {
        String[] values = {"2020-05-01 08:15:30", "2020-05-02 09:00:00", "2021-01-01 10:00:00"};
        String[] many = new String[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = values[i % 3];
        }
        CalendarCodec codec = CalendarCodec.of(ContinuousMarginal.fit(many, ColumnKind.DATETIME, 0));
        assertArrayEquals(new int[] {2, 12, 31, 24, 60, 60}, codec.vocab());
        int[] tokens = new int[6];
        Random random = new Random(3);
        codec.encode("2020-05-01 08:15:30", random, tokens, 0);
        assertEquals("2020-05-01 08:15:30", codec.decode(tokens, 0, random));
    }
}
