package org.facsimile.web.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;

/** One uploaded CSV table of a deposit, with its fixity and its CSVW table schema. */
@Entity
@Table(name = "deposit_file")
public class DepositFile {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deposit_id", nullable = false)
    private Deposit deposit;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "table_name", nullable = false, length = 255)
    private String tableName;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_key", nullable = false, length = 500)
    private String storageKey;

    @Column(name = "row_count", nullable = false)
    private long rowCount;

    /** The CSVW description of this table (url + tableSchema), as JSON. */
    @Column(name = "table_schema", nullable = false)
    private String tableSchema;

    /** {@link #tableSchema} read; not a column. */
    @Transient
    private CsvwTable schema;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the private input was erased (its name, size and checksum stay as provenance). */
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected DepositFile() {}

    public DepositFile(
            Deposit deposit,
            String fileName,
            String tableName,
            long byteSize,
            String sha256,
            String storageKey,
            long rowCount,
            String tableSchema,
            Instant now) {
        this.id = UUID.randomUUID();
        this.deposit = deposit;
        this.fileName = fileName;
        this.tableName = tableName;
        this.mediaType = "text/csv";
        this.byteSize = byteSize;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.rowCount = rowCount;
        this.tableSchema = tableSchema;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public Deposit deposit() {
        return deposit;
    }

    public String fileName() {
        return fileName;
    }

    public String tableName() {
        return tableName;
    }

    public long byteSize() {
        return byteSize;
    }

    public String sha256() {
        return sha256;
    }

    public String storageKey() {
        return storageKey;
    }

    public long rowCount() {
        return rowCount;
    }

    /** The stored CSVW description as JSON, as it is published and served. */
    public String tableSchema() {
        return tableSchema;
    }

    /**
     * The stored CSVW description, read once per loaded row. It was checked when it was stored, so
     * one that no longer reads is a fault of the repository, not of the depositor.
     */
    public CsvwTable schema() {
        if (schema == null) {
            try {
                schema = CsvwJson.readTable(tableSchema);
            } catch (CsvwProblem e) {
                throw new IllegalStateException("a stored table schema does not read: " + fileName, e);
            }
        }
        return schema;
    }

    /** The schemas of {@code files} by file name, in their order. */
    public static Map<String, CsvwTable> schemas(List<DepositFile> files) {
        Map<String, CsvwTable> schemas = new LinkedHashMap<>();
        files.forEach(f -> schemas.put(f.fileName(), f.schema()));
        return schemas;
    }

    public void changeSchema(String tableSchema) {
        deposit.requireDraft();
        this.tableSchema = tableSchema;
        this.schema = null;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public void erased(Instant now) {
        this.erasedAt = now;
    }
}
