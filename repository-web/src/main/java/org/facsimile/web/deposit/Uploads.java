package org.facsimile.web.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.regex.Pattern;
import org.facsimile.synth.nested.NestedDocument;
import org.facsimile.synth.nested.NestedProblem;
import org.facsimile.synth.table.CsvInspection;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
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
        BlobStore.Stored stored;
        try {
            stored = blobs.put(Area.PRIVATE, key, body, limit);
            metrics.uploaded(stored.byteSize());
        } catch (BlobStore.TooLargeException e) {
            throw tooLarge(fileName, limit);
        } catch (IOException e) {
            throw new ProblemException(
                    400, "upload-interrupted", "Upload interrupted", "the upload of " + fileName + " did not complete");
        }
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
        try {
            blobs.put(Area.PRIVATE, key, body, limit);
        } catch (BlobStore.TooLargeException e) {
            throw tooLarge(fileName, limit);
        } catch (IOException e) {
            deleteQuietly(key);
            throw new ProblemException(
                    400, "upload-interrupted", "Upload interrupted", "the upload of " + fileName + " did not complete");
        }
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
