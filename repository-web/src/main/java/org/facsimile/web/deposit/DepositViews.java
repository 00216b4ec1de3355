package org.facsimile.web.deposit;

import java.time.Instant;
import java.util.List;
import org.facsimile.web.synthesis.SynthesisJob;
import org.facsimile.web.synthesis.SynthesisJobEvent;

/** The JSON shapes of the deposit API. */
public final class DepositViews {

    private DepositViews() {}

    public record DepositView(
            String id,
            String state,
            String title,
            String description,
            List<String> creators,
            List<String> keywords,
            List<String> subjects,
            String licence,
            String sourceUrl,
            String temporalStart,
            String temporalEnd,
            String spatial,
            String doi,
            String versionOf,
            Instant createdAt,
            Instant updatedAt,
            List<FileView> files) {

        /** The deposit; its files when {@code files} is not null. */
        public static DepositView of(Deposit d, List<DepositFile> files) {
            DepositMetadata m = d.metadata();
            return new DepositView(
                    d.id().toString(),
                    d.state().name(),
                    m.title(),
                    m.description(),
                    m.creators(),
                    m.keywords(),
                    m.subjects(),
                    m.licence(),
                    m.sourceUrl(),
                    m.temporalStart(),
                    m.temporalEnd(),
                    m.spatial(),
                    d.doi(),
                    d.versionOf() == null ? null : d.versionOf().toString(),
                    d.createdAt(),
                    d.updatedAt(),
                    files == null
                            ? null
                            : files.stream().map(f -> FileView.of(d, f)).toList());
        }
    }

    /** An uploaded table; after erasure only its provenance (name, size, SHA-256) remains. */
    public record FileView(
            String name, String table, long size, String sha256, long rows, String schema, Instant erasedAt) {
        static FileView of(Deposit d, DepositFile f) {
            return new FileView(
                    f.fileName(),
                    f.tableName(),
                    f.byteSize(),
                    f.sha256(),
                    f.rowCount(),
                    "/api/deposits/" + d.id() + "/files/" + f.fileName() + "/schema",
                    f.erasedAt());
        }
    }

    /** A nested document as the tables it became, the records' first. */
    public record DocumentView(String document, List<FileView> tables) {}

    public record StepView(int attempt, String step, String message, Instant at) {
        static StepView of(SynthesisJobEvent e) {
            return new StepView(e.attempt(), e.step().name(), e.message(), e.at());
        }
    }

    public record JobView(
            String id,
            String state,
            String step,
            int attempts,
            String failureReason,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            List<StepView> steps) {
        static JobView of(SynthesisJob j, List<SynthesisJobEvent> events) {
            return new JobView(
                    j.id().toString(),
                    j.state().name(),
                    j.step().name(),
                    j.attempts(),
                    j.failureReason(),
                    j.createdAt(),
                    j.startedAt(),
                    j.finishedAt(),
                    events.stream().map(StepView::of).toList());
        }
    }
}
