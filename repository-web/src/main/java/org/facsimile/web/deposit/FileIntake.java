package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.facsimile.synth.nested.NestedDocument;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.web.account.Credential;
import org.facsimile.web.schema.TableSchemas;

/**
 * Takes one uploaded file into a draft deposit, for the API and the deposit page alike: the name
 * checked, the rate limited, the file streamed into the private store and inspected, its inferred
 * CSVW schema kept; a file of the same name is replaced, and nothing is left behind when any step
 * refuses it. A CSV file is one table; a nested JSON document ({@code .json}, {@code .jsonl}) is
 * taken apart into related tables ({@link NestedDocument}), recorded together, the records'
 * table carrying the shape the synthetic document is written back in.
 */
@ApplicationScoped
public class FileIntake {

    @Inject
    DepositService deposits;

    @Inject
    Uploads uploads;

    @Inject
    UploadRate uploadRate;

    /**
     * @return the stored tables: the file's one, or a nested document's, the records' first
     * @throws org.facsimile.web.platform.ProblemException saying what was wrong and where
     */
    public List<DepositFile> accept(
            Credential caller, UUID depositId, String name, Charset charset, InputStream body, String from) {
        String fileName = Uploads.checkFileName(name);
        deposits.requireDraft(caller, depositId);
        uploadRate.acquire(caller.account().id());
        if (NestedDocument.isNested(fileName)) {
            return acceptDocument(caller, depositId, fileName, body, from);
        }
        Uploads.Accepted accepted = uploads.accept(depositId, fileName, charset, body);
        String schema = CsvwJson.writeTable(
                TableSchemas.describe(fileName, accepted.inspection().spec()));
        String replaced;
        try {
            replaced = deposits.attachFile(
                    caller,
                    depositId,
                    fileName,
                    accepted.tableName(),
                    accepted.stored().byteSize(),
                    accepted.stored().sha256(),
                    accepted.stored().key(),
                    accepted.inspection().rowCount(),
                    schema,
                    from);
        } catch (RuntimeException e) {
            uploads.deleteQuietly(accepted.stored().key());
            throw e;
        }
        if (replaced != null) {
            uploads.deleteQuietly(replaced);
        }
        return List.of(deposits.file(caller, depositId, fileName));
    }

    private List<DepositFile> acceptDocument(
            Credential caller, UUID depositId, String fileName, InputStream body, String from) {
        NestedDocument.Flattened document = uploads.readDocument(depositId, fileName, body);
        List<String> stored = new ArrayList<>();
        List<String> replaced;
        try {
            List<DepositService.NewFile> files = new ArrayList<>();
            for (NestedDocument.FlatTable table : document.tables()) {
                Uploads.Accepted accepted = uploads.accept(
                        depositId, table.name(), StandardCharsets.UTF_8, new ByteArrayInputStream(table.csv()));
                stored.add(accepted.stored().key());
                String schema = CsvwJson.writeTable(TableSchemas.describeNested(
                        document, table.name(), accepted.inspection().spec()));
                files.add(new DepositService.NewFile(
                        table.name(),
                        accepted.tableName(),
                        accepted.stored().byteSize(),
                        accepted.stored().sha256(),
                        accepted.stored().key(),
                        accepted.inspection().rowCount(),
                        schema));
            }
            replaced = deposits.attachFiles(caller, depositId, files, fileName, from);
        } catch (RuntimeException e) {
            stored.forEach(uploads::deleteQuietly);
            throw e;
        }
        replaced.forEach(uploads::deleteQuietly);
        return document.tables().stream()
                .map(t -> deposits.file(caller, depositId, t.name()))
                .toList();
    }
}
