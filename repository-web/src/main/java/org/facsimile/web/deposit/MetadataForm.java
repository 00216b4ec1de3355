package org.facsimile.web.deposit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;

/** The new-deposit form as typed, and its reading as deposit metadata. */
public record MetadataForm(
        String title,
        String description,
        String creators,
        String keywords,
        List<String> subjects,
        String licence,
        String temporalStart,
        String temporalEnd,
        String spatial,
        String embargoUntil,
        String embargoReason) {

    public MetadataForm {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        creators = creators == null ? "" : creators;
        keywords = keywords == null ? "" : keywords;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        temporalStart = temporalStart == null ? "" : temporalStart;
        temporalEnd = temporalEnd == null ? "" : temporalEnd;
        spatial = spatial == null ? "" : spatial;
        embargoUntil = embargoUntil == null ? "" : embargoUntil;
        embargoReason = embargoReason == null ? "" : embargoReason;
    }

    /** The form filled with stored metadata. */
    static MetadataForm of(DepositMetadata m) {
        return new MetadataForm(
                m.title(),
                m.description(),
                String.join("\n", m.creators()),
                String.join(", ", m.keywords()),
                m.subjects(),
                m.licence(),
                m.temporalStart(),
                m.temporalEnd(),
                m.spatial(),
                m.embargoUntil(),
                m.embargoReason());
    }

    static MetadataForm empty() {
        return new MetadataForm("", "", "", "", List.of(), DepositMetadata.LICENCES.get(0), "", "", "", "", "");
    }

    DepositMetadata metadata() {
        return metadata(null);
    }

    DepositMetadata metadata(String sourceUrl) {
        return new DepositMetadata(
                title.strip(),
                description.isBlank() ? null : description.strip(),
                creators.lines().map(String::strip).filter(l -> !l.isEmpty()).toList(),
                Arrays.stream(keywords.split(","))
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .toList(),
                subjects,
                licence == null || licence.isBlank() ? null : licence,
                sourceUrl,
                temporalStart,
                temporalEnd,
                spatial,
                embargoUntil,
                embargoReason);
    }

    /** The metadata check's problems by form field ($.creators[2] is the creators field). */
    static Map<String, String> byField(ProblemException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Problem.Where> errors = e.toProblem().errors();
        if (errors == null || errors.isEmpty()) {
            fields.put("title", e.toProblem().detail());
            return fields;
        }
        for (Problem.Where w : errors) {
            String pointer = w.pointer() == null ? "$.title" : w.pointer();
            String field = pointer.replaceFirst("^\\$\\.", "").replaceFirst("\\[.*$", "");
            fields.putIfAbsent(field.equals("sourceUrl") ? "title" : field, capitalised(w.message()));
        }
        return fields;
    }

    private static String capitalised(String message) {
        return message == null || message.isEmpty()
                ? "Check this field."
                : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    /** A choice of a select list, and whether it is chosen. */
    public record Option(String value, String label, boolean selected) {}

    /** The EU data themes, those chosen selected. */
    public List<Option> subjectOptions() {
        return Arrays.stream(DataTheme.values())
                .map(t -> new Option(t.name(), t.label(), subjects.contains(t.name())))
                .toList();
    }

    /** The licences a synthetic dataset may have, the chosen one selected. */
    public List<Option> licenceOptions() {
        return DepositMetadata.LICENCES.stream()
                .map(l ->
                        new Option(l, l.contains("/by/") ? "CC BY 4.0" : "CC0 1.0 (public domain)", l.equals(licence)))
                .toList();
    }
}
