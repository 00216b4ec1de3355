package org.facsimile.web.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One public file of a dataset version (a synthetic table, its CSVW metadata, the DCAT record). */
@Entity
@Table(name = "distribution")
public class Distribution {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false)
    private DatasetVersion version;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_key", nullable = false, length = 500)
    private String storageKey;

    @Column(name = "table_name", length = 255)
    private String tableName;

    @Column(name = "row_count")
    private Long rowCount;

    protected Distribution() {}

    Distribution(
            DatasetVersion version,
            String fileName,
            String title,
            String mediaType,
            long byteSize,
            String sha256,
            String storageKey,
            String tableName,
            Long rowCount) {
        this.id = UUID.randomUUID();
        this.version = version;
        this.fileName = fileName;
        this.title = title;
        this.mediaType = mediaType;
        this.byteSize = byteSize;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.tableName = tableName;
        this.rowCount = rowCount;
    }

    public String fileName() {
        return fileName;
    }

    public String title() {
        return title;
    }

    public String mediaType() {
        return mediaType;
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

    public String tableName() {
        return tableName;
    }

    public Long rowCount() {
        return rowCount;
    }
}
