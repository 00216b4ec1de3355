package org.facsimile.vocab;

import java.time.LocalDate;

/**
 * The time and place a dataset covers, as a depositor gives them: a period (either end may be
 * open) and a place named in words ({@code Shetland}, {@code Lower Saxony, Germany}).
 *
 * @param start the first day covered, or null
 * @param end the last day covered, or null
 * @param place the place covered, or null
 */
public record Coverage(LocalDate start, LocalDate end, String place) {

    /** Nothing said about time or place. */
    public static final Coverage NONE = new Coverage(null, null, null);

    public Coverage {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        place = place == null || place.isBlank() ? null : place.strip();
    }

    public boolean hasPeriod() {
        return start != null || end != null;
    }

    /** The period as ISO 8601 ({@code 2019-01-01/2023-12-31}, {@code 2019-01-01/..}), or null. */
    public String period() {
        if (!hasPeriod()) {
            return null;
        }
        return (start == null ? ".." : start.toString()) + "/" + (end == null ? ".." : end.toString());
    }
}
