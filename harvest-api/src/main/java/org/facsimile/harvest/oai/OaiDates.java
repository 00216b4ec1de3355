package org.facsimile.harvest.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** OAI-PMH UTC datestamps, to the second ({@code YYYY-MM-DDThh:mm:ssZ}), and day arguments. */
final class OaiDates {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private OaiDates() {}

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** True when the argument has day granularity. */
    static boolean isDay(String value) {
        return DAY.matcher(value).matches();
    }

    /**
     * @param endOfDay for {@code until} with day granularity: the last second of that day
     */
    static Instant parse(String name, String value, boolean endOfDay) throws OaiException {
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                return endOfDay ? start.plus(1, ChronoUnit.DAYS).minusSeconds(1) : start;
            }
            if (SECOND.matcher(value).matches()) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below
        }
        throw new OaiException(OaiError.badArgument, name + " must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
    }
}
