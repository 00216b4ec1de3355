package org.facsimile.web.deposit;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;

/**
 * What a depositor says about the dataset; the published synthetic twin inherits it.
 *
 * @param title required, at most 500 characters
 * @param description free text
 * @param creators names in citation order, each maybe followed by an ORCID iD ({@link
 *     org.facsimile.vocab.Creator})
 * @param keywords free keywords
 * @param subjects subject codes from the EU Data Theme table ({@code HEAL}, {@code SOCI}, ...)
 * @param licence the licence URI of the published synthetic data (CC BY 4.0 when null)
 * @param sourceUrl the public URL of the input data, when the input is itself public
 * @param temporalStart the first day the data covers (ISO 8601 date), or null
 * @param temporalEnd the last day the data covers, or null
 * @param spatial the place the data covers, in words, or null
 * @param embargoUntil the day the published data files open (ISO 8601 date, after today), or null
 *     for files open at publication; the metadata is public at once either way
 * @param embargoReason why the files are closed until then (required with a date), as readers see it
 */
public record DepositMetadata(
        String title,
        String description,
        List<String> creators,
        List<String> keywords,
        List<String> subjects,
        String licence,
        String sourceUrl,
        String temporalStart,
        String temporalEnd,
        String spatial,
        String embargoUntil,
        String embargoReason) {

    /** The licences a synthetic dataset can be published under. */
    public static final List<String> LICENCES = List.of(
            "https://creativecommons.org/licenses/by/4.0/", "https://creativecommons.org/publicdomain/zero/1.0/");

    public DepositMetadata {
        creators = creators == null ? List.of() : List.copyOf(creators);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        subjects = subjects == null
                ? List.of()
                : subjects.stream()
                        .map(s -> s == null ? null : s.trim().toUpperCase(Locale.ROOT))
                        .toList();
        temporalStart = blankToNull(temporalStart);
        temporalEnd = blankToNull(temporalEnd);
        spatial = blankToNull(spatial);
        embargoUntil = blankToNull(embargoUntil);
        embargoReason = blankToNull(embargoReason);
    }

    /** The same description with the data files open at publication. */
    public DepositMetadata withoutEmbargo() {
        return new DepositMetadata(
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                sourceUrl,
                temporalStart,
                temporalEnd,
                spatial,
                null,
                null);
    }

    /** The embargo asked for, or null; call on validated metadata. */
    public Embargo embargo() {
        return embargoUntil == null ? null : new Embargo(LocalDate.parse(embargoUntil), embargoReason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The time and place covered; call on validated metadata. */
    public Coverage coverage() {
        return new Coverage(date(temporalStart), date(temporalEnd), spatial);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    /** The subjects as themes; call on validated metadata. */
    public List<DataTheme> themes() {
        return subjects.stream().map(s -> DataTheme.ofCode(s).orElseThrow()).toList();
    }

    /** Checks every field and reports all problems at once. */
    public DepositMetadata validated() {
        return validated(
                LocalDate.now(ZoneOffset.UTC),
                () -> Long.parseLong(Setting.EMBARGO_MAX_MONTHS.get().trim()));
    }

    /**
     * The same check on {@code today} (UTC), an embargo lasting at most {@code maxEmbargoMonths}
     * (asked only when there is one).
     */
    DepositMetadata validated(LocalDate today, LongSupplier maxEmbargoMonths) {
        List<Problem.Where> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new Problem.Where(null, null, null, "$.title", "a title is required"));
        } else if (title.length() > 500) {
            errors.add(new Problem.Where(null, null, null, "$.title", "the title is longer than 500 characters"));
        }
        for (int i = 0; i < creators.size(); i++) {
            if (creators.get(i) == null || creators.get(i).isBlank()) {
                errors.add(new Problem.Where(null, null, null, "$.creators[" + i + "]", "a creator needs a name"));
                continue;
            }
            Optional<String> mistyped = Creator.mistypedOrcid(creators.get(i));
            if (mistyped.isPresent()) {
                errors.add(new Problem.Where(
                        null,
                        null,
                        null,
                        "$.creators[" + i + "]",
                        "the ORCID iD " + mistyped.get() + " has a wrong check digit"));
            } else if (Creator.parse(creators.get(i)).name().isEmpty()) {
                errors.add(new Problem.Where(
                        null, null, null, "$.creators[" + i + "]", "a creator needs a name before the ORCID iD"));
            }
        }
        for (int i = 0; i < keywords.size(); i++) {
            if (keywords.get(i) == null || keywords.get(i).isBlank()) {
                errors.add(new Problem.Where(null, null, null, "$.keywords[" + i + "]", "a keyword cannot be empty"));
            }
        }
        for (int i = 0; i < subjects.size(); i++) {
            if (subjects.get(i) == null || DataTheme.ofCode(subjects.get(i)).isEmpty()) {
                errors.add(new Problem.Where(
                        null,
                        null,
                        null,
                        "$.subjects[" + i + "]",
                        "a subject must be a code of the EU Data Theme table: "
                                + Arrays.stream(DataTheme.values())
                                        .map(Enum::name)
                                        .toList()));
            }
        }
        if (subjects.stream().distinct().count() != subjects.size()) {
            errors.add(new Problem.Where(null, null, null, "$.subjects", "a subject is listed twice"));
        }
        if (licence != null && !LICENCES.contains(licence)) {
            errors.add(new Problem.Where(null, null, null, "$.licence", "the licence must be one of " + LICENCES));
        }
        if (sourceUrl != null && !isHttpUrl(sourceUrl)) {
            errors.add(new Problem.Where(null, null, null, "$.sourceUrl", "sourceUrl must be an http(s) URL"));
        }
        LocalDate start = checkedDate(temporalStart, "$.temporalStart", errors);
        LocalDate end = checkedDate(temporalEnd, "$.temporalEnd", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(
                    new Problem.Where(null, null, null, "$.temporalEnd", "the period covered ends before it starts"));
        }
        if (spatial != null && spatial.length() > 500) {
            errors.add(new Problem.Where(null, null, null, "$.spatial", "the place is longer than 500 characters"));
        }
        checkEmbargo(errors, today, maxEmbargoMonths);
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    422,
                    "invalid-metadata",
                    "Invalid metadata",
                    "the deposit metadata has " + errors.size() + " problem(s)",
                    errors);
        }
        return this;
    }

    /**
     * An embargo ends after today (UTC) and within {@link Setting#EMBARGO_MAX_MONTHS}, and says why;
     * a reason without a date is a mistake too.
     */
    private void checkEmbargo(List<Problem.Where> errors, LocalDate today, LongSupplier maxMonths) {
        LocalDate until = checkedDate(embargoUntil, "$.embargoUntil", errors);
        if (until != null && !until.isAfter(today)) {
            errors.add(new Problem.Where(
                    null, null, null, "$.embargoUntil", "an embargo ends after today (" + today + ", UTC)"));
        }
        if (until != null && until.isAfter(today.plusMonths(maxMonths.getAsLong()))) {
            errors.add(new Problem.Where(
                    null,
                    null,
                    null,
                    "$.embargoUntil",
                    "an embargo may last " + maxMonths.getAsLong() + " months at most"));
        }
        if (embargoUntil != null && embargoReason == null) {
            errors.add(new Problem.Where(
                    null, null, null, "$.embargoReason", "say why the files are closed: readers see the reason"));
        }
        if (embargoUntil == null && embargoReason != null) {
            errors.add(new Problem.Where(
                    null, null, null, "$.embargoUntil", "an embargo reason needs the day the files open"));
        }
        if (embargoReason != null && embargoReason.length() > 1000) {
            errors.add(new Problem.Where(
                    null, null, null, "$.embargoReason", "the reason is longer than 1,000 characters"));
        }
    }

    private static LocalDate checkedDate(String value, String pointer, List<Problem.Where> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.Where(null, null, null, pointer, "a date is written as YYYY-MM-DD"));
            return null;
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** The time covered as pages write it: both ends, "until ...", "... onwards", or null. */
    public static String periodInWords(Coverage coverage) {
        if (!coverage.hasPeriod()) {
            return null;
        }
        if (coverage.start() == null) {
            return "until " + coverage.end();
        }
        if (coverage.end() == null) {
            return coverage.start() + " onwards";
        }
        return coverage.start() + " to " + coverage.end();
    }

    /** A licence's name as pages write it (CC BY 4.0, CC0 1.0), else its URI. */
    public static String licenceName(String uri) {
        if (uri.contains("/by/4.0")) {
            return "CC BY 4.0";
        }
        if (uri.contains("/zero/1.0")) {
            return "CC0 1.0";
        }
        return uri;
    }
}
