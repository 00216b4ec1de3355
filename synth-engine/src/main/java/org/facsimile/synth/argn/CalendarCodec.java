package org.facsimile.synth.argn;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.facsimile.synth.columns.ContinuousMarginal;
import org.facsimile.synth.table.ColumnKind;

/**
 * A date or date-time column as its calendar parts: year (with missing as a token of its own),
 * month, day, and for date-times hour, minute and second; a time of day as its hour (with
 * missing), minute and second. The network then learns calendar
 * patterns (admissions on weekdays' dates, a shift starting at 8, month-end payments) that a
 * quantile bin spread over months would blur. Values stay within the marginal's clipped range, so
 * the earliest and latest real values are not reproduced.
 */
final class CalendarCodec implements ColumnCodec {

    /** Wider spans are left to quantile bins: a year token per century of years is no use. */
    static final int MAX_YEARS = 300;

    private final ContinuousMarginal marginal;
    private final boolean missing;
    private final int firstYear;
    private final int years;
    private final boolean time;
    private final boolean seconds;
    /** A time of day only: hour (with missing as a token of its own), minute, second. */
    private final boolean clock;

    private CalendarCodec(ContinuousMarginal marginal) {
        this.marginal = marginal;
        this.missing = marginal.missingShare() > 0;
        this.clock = marginal.kind() == ColumnKind.TIME;
        this.time = clock || marginal.kind() == ColumnKind.DATETIME;
        this.seconds = time && marginal.hasSeconds();
        this.firstYear = clock ? 0 : at(marginal.low()).getYear();
        this.years = clock ? 1 : at(marginal.high()).getYear() - firstYear + 1;
    }

    /** The calendar codec of a date or date-time marginal, or null where quantile bins serve better. */
    static CalendarCodec of(ContinuousMarginal marginal) {
        if (!marginal.kind().isTemporal()) {
            return null;
        }
        if (marginal.missingShare() >= 1) {
            return null;
        }
        CalendarCodec codec = new CalendarCodec(marginal);
        return codec.years >= 1 && codec.years <= MAX_YEARS ? codec : null;
    }

    @Override
    public int[] vocab() {
        if (clock) {
            int hours = 24 + (missing ? 1 : 0);
            return seconds ? new int[] {hours, 60, 60} : new int[] {hours, 60};
        }
        int yearTokens = years + (missing ? 1 : 0);
        if (!time) {
            return new int[] {yearTokens, 12, 31};
        }
        return seconds ? new int[] {yearTokens, 12, 31, 24, 60, 60} : new int[] {yearTokens, 12, 31, 24, 60};
    }

    @Override
    public void encode(String value, Random random, int[] out, int offset) {
        int parts = vocab().length;
        if (value == null) {
            for (int p = 0; p < parts; p++) {
                out[offset + p] = 0;
            }
            return;
        }
        double x = Math.min(
                marginal.high(), Math.max(marginal.low(), marginal.kind().toNumber(value)));
        if (clock) {
            long s = Math.round(x);
            out[offset] = (int) (s / 3600) + (missing ? 1 : 0);
            out[offset + 1] = (int) (s / 60 % 60);
            if (seconds) {
                out[offset + 2] = (int) (s % 60);
            }
            return;
        }
        LocalDateTime t = at(x);
        out[offset] = t.getYear() - firstYear + (missing ? 1 : 0);
        out[offset + 1] = t.getMonthValue() - 1;
        out[offset + 2] = t.getDayOfMonth() - 1;
        if (time) {
            out[offset + 3] = t.getHour();
            out[offset + 4] = t.getMinute();
            if (seconds) {
                out[offset + 5] = t.getSecond();
            }
        }
    }

    @Override
    public String decode(int[] tokens, int offset, Random random) {
        if (clock) {
            if (missing && tokens[offset] == 0) {
                return null;
            }
            int hour = tokens[offset] - (missing ? 1 : 0);
            double x = hour * 3600 + tokens[offset + 1] * 60 + (seconds ? tokens[offset + 2] : 0);
            return marginal.format(Math.min(marginal.high(), Math.max(marginal.low(), x)));
        }
        int yearToken = tokens[offset];
        if (missing && yearToken == 0) {
            return null;
        }
        int year = firstYear + yearToken - (missing ? 1 : 0);
        int month = tokens[offset + 1] + 1;
        LocalDate date = LocalDate.of(year, month, 1);
        date = date.withDayOfMonth(Math.min(tokens[offset + 2] + 1, date.lengthOfMonth()));
        double x;
        if (time) {
            LocalDateTime t = date.atTime(tokens[offset + 3], tokens[offset + 4], seconds ? tokens[offset + 5] : 0);
            x = t.toEpochSecond(ZoneOffset.UTC);
        } else {
            x = date.toEpochDay();
        }
        return marginal.format(Math.min(marginal.high(), Math.max(marginal.low(), x)));
    }

    /** A date (days since 1970) or date-time (seconds since 1970, UTC) number as a date-time. */
    private LocalDateTime at(double x) {
        long n = Math.round(x);
        return time
                ? LocalDateTime.ofEpochSecond(n, 0, ZoneOffset.UTC)
                : LocalDate.ofEpochDay(n).atStartOfDay();
    }
}
