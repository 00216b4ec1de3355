package org.facsimile.web.publishing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.deposit.DescriptiveMetadata;
import org.facsimile.web.synthesis.SynthesisJob;

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

    @Embedded
    private DescriptiveMetadata described;

    @Column(name = "synthetic", nullable = false)
    private boolean synthetic;

    /** The public part of the quality report (scores, no data), as JSON. */
    @Column(name = "quality_summary")
    private String qualitySummary;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    /** When harvesters, search and DataCite were told that the embargoed files opened; null before. */
    @Column(name = "embargo_lifted_at")
    private Instant embargoLiftedAt;

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
        this.described = DescriptiveMetadata.of(metadata);
        this.synthetic = true;
        this.qualitySummary = qualitySummary;
        this.publishedAt = now;
    }

    /** The embargo set at publication, or null: whether it holds now is {@link Embargo#holdsOn}. */
    public Embargo embargo() {
        return described.embargo();
    }

    /** Records that the embargo's end was announced (OAI-PMH re-dated, search and DataCite told). */
    public void embargoLifted(Instant now) {
        embargoLiftedAt = now;
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
        return described.title();
    }

    public String description() {
        return described.description();
    }

    public List<String> creators() {
        return described.creators();
    }

    public List<String> keywords() {
        return described.keywords();
    }

    /** The subject codes (EU Data Theme). */
    public List<String> subjects() {
        return described.subjects();
    }

    public String licence() {
        return described.licence();
    }

    public String sourceUrl() {
        return described.sourceUrl();
    }

    /** The time and place the data covers. */
    public Coverage coverage() {
        return described.coverage();
    }

    public List<DataTheme> themes() {
        return described.subjects().stream()
                .flatMap(s -> DataTheme.ofCode(s).stream())
                .toList();
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
