package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Credential;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;

/**
 * An existing W3C CSVW metadata document imported into a draft instead of filling in the forms:
 * each table it describes gives the schema of the deposit's file of that url (checked as any
 * schema change is: {@link SchemaChange}), referenced tables before the tables referring to them;
 * the document's own title, description, creators and keywords ({@code dc:}/{@code dcterms:}/
 * {@code schema:} properties) replace the deposit's. A refusal names the table's path in the
 * document; tables saved before it stay saved, and the answer says which.
 */
@ApplicationScoped
public class CsvwImport {

    @Inject
    DepositService deposits;

    @Inject
    SchemaChange schemas;

    /** What an import changed. */
    public record Imported(List<String> tables, boolean described) {}

    public Imported apply(Credential caller, UUID depositId, String json, String from) {
        deposits.requireDraft(caller, depositId);
        List<CsvwTable> declared;
        Map<String, List<String>> notes;
        try {
            declared = CsvwJson.read(json);
            notes = CsvwJson.notes(json);
        } catch (CsvwProblem e) {
            throw invalid(null, e.path(), e.getMessage());
        }
        List<DepositFile> files = deposits.files(caller, depositId);
        for (int i = 0; i < declared.size(); i++) {
            String url = declared.get(i).url();
            if (files.stream().noneMatch(f -> f.fileName().equals(url))) {
                throw invalid(
                        url,
                        "$.tables[" + i + "].url",
                        "the deposit has no file " + url + "; upload it first, then import its description");
            }
        }
        List<String> saved = new ArrayList<>();
        for (CsvwTable table : referencedFirst(declared)) {
            DepositFile file = deposits.file(caller, depositId, table.url());
            try {
                schemas.apply(caller, depositId, file, table, from);
            } catch (ProblemException e) {
                if (saved.isEmpty()) {
                    throw e;
                }
                Problem p = e.toProblem();
                throw new ProblemException(
                        e.status(),
                        "invalid-csvw",
                        p.title(),
                        p.detail() + " (imported before it, and kept: " + String.join(", ", saved) + ")",
                        p.errors());
            }
            saved.add(table.url());
        }
        Optional<DepositMetadata> described =
                described(deposits.readable(caller, depositId).metadata(), notes);
        described.ifPresent(m -> deposits.describe(caller, depositId, m, from));
        return new Imported(saved, described.isPresent());
    }

    /** The metadata with what the document says of the dataset, if it says anything. */
    static Optional<DepositMetadata> described(DepositMetadata current, Map<String, List<String>> notes) {
        String title = first(notes, "dc:title", "dcterms:title", "dct:title", "schema:name");
        String description =
                first(notes, "dc:description", "dcterms:description", "dct:description", "schema:description");
        List<String> creators = all(notes, "dc:creator", "dcterms:creator", "dct:creator", "schema:creator");
        List<String> keywords = all(notes, "dcat:keyword", "schema:keywords", "dc:subject", "dcterms:subject");
        if (title == null && description == null && creators.isEmpty() && keywords.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DepositMetadata(
                title == null ? current.title() : title,
                description == null ? current.description() : description,
                creators.isEmpty() ? current.creators() : creators,
                keywords.isEmpty() ? current.keywords() : keywords,
                current.subjects(),
                current.licence(),
                current.sourceUrl(),
                current.temporalStart(),
                current.temporalEnd(),
                current.spatial(),
                current.embargoUntil(),
                current.embargoReason()));
    }

    private static String first(Map<String, List<String>> notes, String... names) {
        List<String> values = all(notes, names);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> notes, String... names) {
        for (String name : names) {
            if (notes.containsKey(name)) {
                return notes.get(name);
            }
        }
        return List.of();
    }

    /** The tables in an order where every table comes after the tables it refers to (cycles as given). */
    static List<CsvwTable> referencedFirst(List<CsvwTable> tables) {
        List<CsvwTable> ordered = new ArrayList<>();
        List<CsvwTable> left = new ArrayList<>(tables);
        while (!left.isEmpty()) {
            CsvwTable next = left.stream()
                    .filter(t -> t.foreignKeys().stream()
                            .allMatch(k -> k.resource().equals(t.url())
                                    || left.stream().noneMatch(o -> o.url().equals(k.resource()))))
                    .findFirst()
                    .orElse(left.get(0));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    private static ProblemException invalid(String file, String pointer, String detail) {
        return new ProblemException(
                422,
                "invalid-csvw",
                "Invalid CSVW metadata",
                detail,
                List.of(new Problem.Where(file, null, null, pointer, detail)));
    }
}
