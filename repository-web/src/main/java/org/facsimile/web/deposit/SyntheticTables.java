package org.facsimile.web.deposit;

import de.siegmar.fastcsv.reader.CsvParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.web.account.Credential;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.schema.TablePreview;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * The synthetic tables of a deposit's latest finished synthesis before anything is published: their
 * first rows on the deposit page and a private download, for whoever may read the deposit (its
 * owner; a curator while it is in review), each download audited. Only the deposit's own tables
 * are served out of the synthesis' private folder, never its model or report files, and nothing
 * once the private input and results are erased.
 */
@ApplicationScoped
public class SyntheticTables {

    private static final Logger LOG = Logger.getLogger(SyntheticTables.class.getName());

    @Inject
    DepositService deposits;

    @Inject
    BlobStore blobs;

    /**
     * A table of the run as the deposit page shows it: its file, where to download it, its first
     * rows, and whether it is public reference data published as deposited rather than synthetic.
     */
    public record Shown(String name, String download, TablePreview preview, boolean asDeposited) {}

    /**
     * The synthetic table of the deposit's latest synthesis named like the deposited {@code
     * fileName}: its private storage key. 404 for a deposit the caller may not read or a table it
     * does not have; 409 while no synthesis has finished or after the input was erased.
     */
    public String download(Credential caller, UUID id, String fileName, String from) {
        SynthesisJob job = deposits.latestJob(caller, id);
        List<DepositFile> files = deposits.files(caller, id);
        DepositFile file = files.stream()
                .filter(f -> f.fileName().equals(fileName))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("table " + fileName.replaceAll("[^\\w.-]", "?")));
        if (file.erasedAt() != null) {
            throw ProblemException.conflict("the deposit's private input and its synthetic tables were erased");
        }
        if (job.resultKey() == null) {
            throw ProblemException.conflict("the latest synthesis has not finished (" + job.step() + ")");
        }
        deposits.recordRead(caller, id, "synthetic table " + fileName, from);
        return job.resultKey() + "/" + fileName;
    }

    /**
     * A synthetic table of a run as a CSV attachment ({@code synthetic-<file>}), streamed from the
     * private area: the depositor's download and a reviewer link's.
     *
     * @param key its private storage key ({@link #download})
     */
    public Response attachment(String key, String fileName) {
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(BlobStore.Area.PRIVATE, key)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"synthetic-" + fileName.replace("\"", "") + "\"")
                .build();
    }

    /**
     * The deposit's synthetic tables with their first rows, for its page: none before a synthesis
     * has finished or once the input is erased; a table whose file does not read shows no rows.
     */
    public List<Shown> shown(SynthesisJob job, List<DepositFile> files) {
        List<Shown> shown = new ArrayList<>();
        if (job == null || job.resultKey() == null || files.stream().anyMatch(f -> f.erasedAt() != null)) {
            return shown;
        }
        for (DepositFile f : files) {
            shown.add(new Shown(
                    f.fileName(),
                    "/api/deposits/" + job.depositId() + "/synthetic/" + f.fileName(),
                    preview(job.resultKey() + "/" + f.fileName()),
                    asDeposited(f)));
        }
        return shown;
    }

    private static boolean asDeposited(DepositFile f) {
        try {
            return f.schema().publishedAsDeposited();
        } catch (IllegalStateException e) {
            return false; // its table on the page says its schema does not read
        }
    }

    private TablePreview preview(String key) {
        try (InputStream in = blobs.open(BlobStore.Area.PRIVATE, key);
                Stream<String[]> records = CsvTables.records(in)) {
            return TablePreview.of(records.limit(TablePreview.ROWS + 1L).toList());
        } catch (IOException | CsvParseException e) {
            // the page still shows the rest; the reason names the file, never a cell
            LOG.warning("a synthetic table does not read for its preview: " + key + ": "
                    + e.getClass().getSimpleName());
            return TablePreview.NONE;
        }
    }
}
