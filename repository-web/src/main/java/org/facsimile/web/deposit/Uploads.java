package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.facsimile.synth.nested.NestedDocument;
import org.facsimile.synth.nested.NestedProblem;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Redacted;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;

/**
 * Takes an uploaded CSV from the wire into the private area: streamed to the store under a
 * server-made key with its SHA-256 (never held whole in memory), stopped at the size limit,
 * validated, and converted to UTF-8 when another encoding was declared. A rejected upload
 * leaves nothing behind.
 */
@ApplicationScoped
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());

    /** File names are plain names: no folders, no dot-dot, no control characters. */
    private static final Pattern FILE_NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,200}\\.(csv|json|jsonl|ndjson)");

    /** A stored, validated upload. */
    public record Accepted(String fileName, String tableName, BlobStore.Stored stored, CsvInspection inspection) {}

    @Inject
    BlobStore blobs;

    @Inject
    DepositMetrics metrics;

    public static String checkFileName(String fileName) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw new ProblemException(
                    400,
                    "invalid-file-name",
                    "Invalid file name",
                    "a file name is a plain name ending in .csv, or .json/.jsonl for nested records (letters, digits,"
                            + " space . _ ( ) -), without folders",
                    List.of(new Problem.Where(
                            fileName == null ? null : fileName.replaceAll("[^\\x20-\\x7e]", "?"),
                            null,
                            null,
                            null,
                            "not an acceptable file name")));
        }
        return fileName;
    }

    /** Stores and validates one upload of {@code depositId}. */
    public Accepted accept(UUID depositId, String fileName, Charset charset, InputStream body) {
        long limit = Setting.UPLOAD_MAX_BYTES.getLong();
        String key = "deposits/" + depositId + "/" + UUID.randomUUID() + ".csv";
        BlobStore.Stored stored = store(key, fileName, body, limit);
        metrics.uploaded(stored.byteSize());
        try {
            if (stored.byteSize() == 0) {
                throw new CsvProblem(fileName, 0, null, "the file is empty");
            }
            CsvInspection inspection;
            try (InputStream in = blobs.open(Area.PRIVATE, key)) {
                inspection = CsvTables.inspect(in, fileName, charset);
            }
            if (!StandardCharsets.UTF_8.equals(charset)) {
                stored = toUtf8(key, charset);
            }
            return new Accepted(fileName, inspection.spec().name(), stored, inspection);
        } catch (CsvProblem e) {
            deleteQuietly(key);
            throw invalidCsv(e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(key);
            throw new IllegalStateException("could not validate the stored upload", e);
        }
    }

    /**
     * Reads a nested JSON document of {@code depositId} into tables. The upload passes through the
     * private area (for the size limit), and is gone from it afterwards: its tables are what is kept.
     */
    public NestedDocument.Flattened readDocument(UUID depositId, String fileName, InputStream body) {
        long limit = Math.min(Setting.UPLOAD_MAX_BYTES.getLong(), Setting.UPLOAD_MAX_NESTED_BYTES.getLong());
        String key = "deposits/" + depositId + "/" + UUID.randomUUID() + ".upload";
        store(key, fileName, body, limit);
        try (InputStream in = blobs.open(Area.PRIVATE, key)) {
            return NestedDocument.read(in, fileName);
        } catch (NestedProblem e) {
            throw new ProblemException(
                    422,
                    "invalid-json",
                    "Invalid nested document",
                    e.describe(),
                    List.of(new Problem.Where(e.file(), e.number(), null, e.path(), e.getMessage())));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the stored upload", e);
        } finally {
            deleteQuietly(key);
        }
    }

    /** How long a client is asked to wait before sending a file the store could not take. */
    static final int STORE_RETRY_SECONDS = 30;

    /**
     * Streams an upload into the private area under {@code key}, at most {@code limit} bytes. A
     * body that breaks off is the client's doing (400 upload-interrupted); a store that cannot
     * take it (unreachable, full) is the repository's (503 store-unavailable, with Retry-After).
     * Either way nothing is kept.
     */
    BlobStore.Stored store(String key, String fileName, InputStream body, long limit) {
        ClientBody client = new ClientBody(body);
        try {
            return blobs.put(Area.PRIVATE, key, client, limit);
        } catch (BlobStore.TooLargeException e) {
            throw tooLarge(fileName, limit);
        } catch (IOException e) {
            deleteQuietly(key);
            if (client.broke) {
                throw new ProblemException(
                        400,
                        "upload-interrupted",
                        "Upload interrupted",
                        "the upload of " + fileName + " did not complete");
            }
            LOG.log(Level.WARNING, "the blob store could not take an upload: answered 503", Redacted.of(e));
            throw new ProblemException(
                            503,
                            "store-unavailable",
                            "Service Unavailable",
                            "the repository's file store cannot take " + fileName
                                    + " now; nothing of it was kept; try again shortly")
                    .retryAfter(STORE_RETRY_SECONDS);
        }
    }

    /** The request's body, remembering whether reading it failed: the client's doing, not the store's. */
    private static final class ClientBody extends FilterInputStream {
        boolean broke;

        ClientBody(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                broke = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                broke = true;
                throw e;
            }
        }
    }

    public void deleteQuietly(String key) {
        try {
            blobs.delete(Area.PRIVATE, key);
        } catch (IOException | RuntimeException ignored) {
            // an orphan in the private area is harmless; the fixity audit will list it
        }
    }

    public static ProblemException tooLarge(String fileName, long limit) {
        return new ProblemException(
                413,
                "too-large",
                "Upload too large",
                "the upload is larger than the limit of " + limit + " bytes",
                List.of(new Problem.Where(fileName, null, null, null, "larger than " + limit + " bytes")));
    }

    public static ProblemException invalidCsv(CsvProblem e) {
        return new ProblemException(
                422,
                "invalid-csv",
                "Invalid CSV",
                e.getMessage(),
                List.of(new Problem.Where(e.file(), e.row() > 0 ? e.row() : null, e.column(), null, e.getMessage())));
    }

    private BlobStore.Stored toUtf8(String key, Charset charset) throws IOException {
        try (InputStream in = blobs.open(Area.PRIVATE, key)) {
            return blobs.write(Area.PRIVATE, key, out -> {
                Reader reader = new InputStreamReader(in, charset);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                reader.transferTo(writer);
                writer.flush();
            });
        }
    }
}
