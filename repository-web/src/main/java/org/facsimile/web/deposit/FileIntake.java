package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.UUID;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.web.account.Credential;

/**
 * Takes one uploaded CSV table into a draft deposit, for the API and the deposit page alike: the
 * name checked, the rate limited, the file streamed into the private store and inspected, its
 * inferred CSVW schema kept; a file of the same name is replaced, and nothing is left behind when
 * any step refuses it.
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
     * @return the stored file
     * @throws org.facsimile.web.platform.ProblemException saying what was wrong and where
     */
    public DepositFile accept(
            Credential caller, UUID depositId, String name, Charset charset, InputStream body, String from) {
        String fileName = Uploads.checkFileName(name);
        deposits.requireDraft(caller, depositId);
        uploadRate.acquire(caller.account().id());
        Uploads.Accepted accepted = uploads.accept(depositId, fileName, charset, body);
        String schema = CsvwJson.writeTable(
                DepositTables.describe(fileName, accepted.inspection().spec()));
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
        return deposits.file(caller, depositId, fileName);
    }
}
