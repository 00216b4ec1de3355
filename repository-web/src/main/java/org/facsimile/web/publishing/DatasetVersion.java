package org.facsimile.web.publishing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.synthesis.SynthesisJob;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of a dataset: its metadata, files and DOI never change afterwards. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id", nullable = false)
    private Dataset dataset;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", nullable = false, unique = true)
    private SynthesisJob job;

    @Column(name = "doi", nullable = false, unique = true, length = 200)
    private String doi;

    @Column(name = "title", nullable = false, length = 500)
    private String title;

    @Column(name = "description")
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "creators", nullable = false)
    private List<String> creators = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "keywords", nullable = false)
    private List<String> keywords = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "subjects", nullable = false)
    private List<String> subjects = new ArrayList<>();

    @Column(name = "licence", nullable = false, length = 200)
    private String licence;

    @Column(name = "source_url", length = 2000)
    private String sourceUrl;

    @Column(name = "temporal_start")
    private java.time.LocalDate temporalStart;

    @Column(name = "temporal_end")
    private java.time.LocalDate temporalEnd;

    @Column(name = "spatial", length = 500)
    private String spatial;

    @Column(name = "synthetic", nullable = false)
    private boolean synthetic;

    /** The public part of the quality report (scores, no data), as JSON. */
    @Column(name = "quality_summary")
    private String qualitySummary;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @OneToMany(mappedBy = "version", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("fileName")
    private List<Distribution> distributions = new ArrayList<>();

    protected DatasetVersion() {}

    public DatasetVersion(
            Dataset dataset,
            int versionNumber,
            SynthesisJob job,
            String doi,
            DepositMetadata metadata,
            String qualitySummary,
            Instant now) {
        this.id = UUID.randomUUID();
        this.dataset = dataset;
        this.versionNumber = versionNumber;
        this.job = job;
        this.doi = doi;
        this.title = metadata.title();
        this.description = metadata.description();
        this.creators = new ArrayList<>(metadata.creators());
        this.keywords = new ArrayList<>(metadata.keywords());
        this.subjects = new ArrayList<>(metadata.subjects());
        this.licence = metadata.licence();
        this.sourceUrl = metadata.sourceUrl();
        org.facsimile.vocab.Coverage coverage = metadata.coverage();
        this.temporalStart = coverage.start();
        this.temporalEnd = coverage.end();
        this.spatial = coverage.place();
        this.synthetic = true;
        this.qualitySummary = qualitySummary;
        this.publishedAt = now;
    }

    public Distribution addDistribution(
            String fileName,
            String title,
            String mediaType,
            long byteSize,
            String sha256,
            String storageKey,
            String tableName,
            Long rowCount) {
        Distribution d =
                new Distribution(this, fileName, title, mediaType, byteSize, sha256, storageKey, tableName, rowCount);
        distributions.add(d);
        return d;
    }

    public UUID id() {
        return id;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The synthesis this version publishes (and through it, the deposit it came from). */
    public SynthesisJob job() {
        return job;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public String doi() {
        return doi;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> creators() {
        return List.copyOf(creators);
    }

    public List<String> keywords() {
        return List.copyOf(keywords);
    }

    /** The subject codes (EU Data Theme). */
    public List<String> subjects() {
        return List.copyOf(subjects);
    }

    public List<DataTheme> themes() {
        return subjects.stream().flatMap(s -> DataTheme.ofCode(s).stream()).toList();
    }

    public String licence() {
        return licence;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    /** The time and place the data covers. */
    public org.facsimile.vocab.Coverage coverage() {
        return new org.facsimile.vocab.Coverage(temporalStart, temporalEnd, spatial);
    }

    public boolean synthetic() {
        return synthetic;
    }

    public String qualitySummary() {
        return qualitySummary;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<Distribution> distributions() {
        return List.copyOf(distributions);
    }
}
