package org.facsimile.web.deposit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.facsimile.vocab.Coverage;
import org.facsimile.vocab.Embargo;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A dataset's descriptive metadata as stored: the same columns in a deposit and in each published
 * version made from it (which keeps its own copy, fixed at publication). One value, read and
 * written as {@link DepositMetadata}, so a new field is added here, in its record and in the
 * migrations.
 */
@Embeddable
public class DescriptiveMetadata {

    /** The licence of a deposit that names none. */
    public static final String DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/";

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
    private LocalDate temporalStart;

    @Column(name = "temporal_end")
    private LocalDate temporalEnd;

    @Column(name = "spatial", length = 500)
    private String spatial;

    @Column(name = "embargo_until")
    private LocalDate embargoUntil;

    @Column(name = "embargo_reason", length = 1000)
    private String embargoReason;

    protected DescriptiveMetadata() {}

    /** {@code metadata} as stored, the default licence where it names none. */
    public static DescriptiveMetadata of(DepositMetadata metadata) {
        DescriptiveMetadata stored = new DescriptiveMetadata();
        stored.title = metadata.title();
        stored.description = metadata.description();
        stored.creators = new ArrayList<>(metadata.creators());
        stored.keywords = new ArrayList<>(metadata.keywords());
        stored.subjects = new ArrayList<>(metadata.subjects());
        stored.licence = metadata.licence() == null ? DEFAULT_LICENCE : metadata.licence();
        stored.sourceUrl = metadata.sourceUrl();
        Coverage coverage = metadata.coverage();
        stored.temporalStart = coverage.start();
        stored.temporalEnd = coverage.end();
        stored.spatial = coverage.place();
        Embargo embargo = metadata.embargo();
        stored.embargoUntil = embargo == null ? null : embargo.until();
        stored.embargoReason = embargo == null ? null : embargo.reason();
        return stored;
    }

    /** As the API and every rendering read it. */
    public DepositMetadata metadata() {
        return new DepositMetadata(
                title,
                description,
                List.copyOf(creators),
                List.copyOf(keywords),
                List.copyOf(subjects),
                licence,
                sourceUrl,
                temporalStart == null ? null : temporalStart.toString(),
                temporalEnd == null ? null : temporalEnd.toString(),
                spatial,
                embargoUntil == null ? null : embargoUntil.toString(),
                embargoReason);
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

    public String licence() {
        return licence;
    }

    public String sourceUrl() {
        return sourceUrl;
    }

    /** The time and place the data covers. */
    public Coverage coverage() {
        return new Coverage(temporalStart, temporalEnd, spatial);
    }

    /** The embargo on the data files, or null when they are open at publication. */
    public Embargo embargo() {
        return embargoUntil == null ? null : new Embargo(embargoUntil, embargoReason);
    }
}
