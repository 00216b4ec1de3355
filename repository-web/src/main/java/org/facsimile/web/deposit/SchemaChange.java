package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.synth.table.TableSpec;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Credential;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.schema.TableSchemas;
import org.facsimile.web.storage.BlobStore;

/**
 * A corrected schema for one table, for the API and the deposit page alike: the same columns in
 * file order, personal-data marks kept where none are said, no identifier declared unpersonal
 * against its values, constraints that read and agree, and every stored value parsing as its
 * declared datatype. Each refusal names the file, the column and the JSON path.
 */
@ApplicationScoped
public class SchemaChange {

    @Inject
    DepositService deposits;

    @Inject
    BlobStore blobs;

    /** @return the file with its new schema */
    public DepositFile apply(Credential caller, UUID depositId, DepositFile file, CsvwTable declared, String from) {
        String name = file.fileName();
        CsvwTable current = file.schema();
        if (!declared.columnNames().equals(current.columnNames())) {
            List<String> unknown = declared.columnNames().stream()
                    .filter(c -> !current.columnNames().contains(c))
                    .toList();
            String detail = unknown.isEmpty()
                    ? "the schema must list the columns of " + name + " in file order: " + current.columnNames()
                    : "the schema names columns that " + name + " does not have: " + unknown;
            throw new ProblemException(
                    422,
                    "invalid-csvw",
                    "Invalid CSVW metadata",
                    detail,
                    List.of(new Problem.Where(
                            name, null, unknown.isEmpty() ? null : unknown.get(0), "$.tableSchema.columns", detail)));
        }
        CsvwTable normalised = TableSchemas.keepPersonalData(
                new CsvwTable(
                        name,
                        declared.columns(),
                        declared.primaryKey(),
                        declared.foreignKeys(),
                        declared.constraints(),
                        // the shape of a nested document is the deposit's, not the depositor's to declare
                        current.nestedShape(),
                        declared.publishedAsDeposited()),
                current);
        Map<String, CsvwTable> tables = DepositFile.schemas(deposits.files(caller, depositId));
        TableSchemas.nestedRefusal(tables, name, normalised).ifPresent(r -> {
            throw invalid(name, r);
        });
        tables.put(name, normalised);
        for (CsvwTable other : tables.values()) {
            for (CsvwForeignKey key : other.foreignKeys()) {
                if (key.resource().equals(name) && !key.referencedColumns().equals(normalised.primaryKey())) {
                    String detail = name + ": " + other.url() + " refers to " + key.referencedColumns()
                            + " as this table's key; keep that primary key or change " + other.url() + " first";
                    throw new ProblemException(
                            422,
                            "invalid-csvw",
                            "Invalid CSVW metadata",
                            detail,
                            List.of(new Problem.Where(name, null, null, "$.tableSchema.primaryKey", detail)));
                }
            }
        }
        TableSchemas.foreignKeyRefusal(name, normalised, tables).ifPresent(r -> {
            throw invalid(name, r);
        });
        CsvInspection inspection = null;
        if (normalised.columns().stream().anyMatch(c -> PersonalData.NONE.equals(c.personalData()))) {
            // what the values themselves prove, against a declaration that they are not personal
            try (InputStream in = blobs.open(BlobStore.Area.PRIVATE, file.storageKey())) {
                inspection = CsvTables.inspect(in, name, StandardCharsets.UTF_8);
            } catch (CsvProblem e) {
                throw Uploads.invalidCsv(e);
            } catch (IOException e) {
                throw new IllegalStateException("could not read the stored table", e);
            }
        }
        TableSchemas.refusal(name, normalised, inspection).ifPresent(r -> {
            throw invalid(name, r);
        });
        TableSpec spec = TableSchemas.resolve(normalised, TableSchemas.declaredSpec(current, name));
        List<TableSchemas.Refusal> badRules = TableSchemas.constraintRefusals(name, normalised, spec);
        if (!badRules.isEmpty()) {
            throw new ProblemException(
                    422,
                    "invalid-constraint",
                    "Invalid constraint",
                    badRules.stream().map(TableSchemas.Refusal::detail).collect(Collectors.joining("; ")),
                    badRules.stream()
                            .map(r -> new Problem.Where(name, null, r.column(), r.jsonPath(), r.detail()))
                            .toList());
        }
        try (InputStream in = blobs.open(BlobStore.Area.PRIVATE, file.storageKey())) {
            CsvTables.checkValues(in, name, spec);
        } catch (CsvProblem e) {
            throw Uploads.invalidCsv(e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read the stored table", e);
        }
        DepositFile changed = deposits.changeSchema(caller, depositId, name, CsvwJson.writeTable(normalised), from);
        return changed;
    }

    /** A refused schema, at the file, column and JSON path the refusal names. */
    private static ProblemException invalid(String name, TableSchemas.Refusal r) {
        return new ProblemException(
                422,
                "invalid-csvw",
                "Invalid CSVW metadata",
                r.detail(),
                List.of(new Problem.Where(name, null, r.column(), r.jsonPath(), r.detail())));
    }
}
