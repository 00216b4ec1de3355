package org.facsimile.web.review;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.deposit.SyntheticTables;
import org.facsimile.web.platform.Page;
import org.facsimile.web.publishing.landing.LandingPage;
import org.facsimile.web.schema.TablePreview;
import org.facsimile.web.synthesis.QualitySummary;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * What a reviewer link shows ({@code reviewerPreview.jte}): the deposit as its landing page would
 * show it once published, from what publishing would make public alone: the description, the
 * report's summary (the landing page's), the synthetic tables' columns, first rows and downloads.
 * A table the depositor declared public reference data is named with its columns but neither shown
 * nor served: its rows are the deposited ones. Nothing of a synthesis that failed the privacy check
 * is shown (unless an admin overrode the verdict), nor anything while none has finished.
 *
 * @param title the title
 * @param creators the creators
 * @param doi the DOI reserved for it (registered at publication)
 * @param expiresOn when the link ends
 * @param licence the licence's URI
 * @param licenceName the licence's short name
 * @param keywords the keywords, joined, or null
 * @param subjects the subjects
 * @param period the time covered, or null
 * @param place the place covered, or null
 * @param sourceUrl the public dataset it is a twin of, or null
 * @param description the description, or null
 * @param status where the synthesis is, in words, when there is nothing to show yet; or null
 * @param quality the report's summary, or null
 * @param tables the tables, with first rows for the synthetic ones
 * @param downloads the synthetic tables to download
 */
public record ReviewerPreview(
        String title,
        List<Creator> creators,
        String doi,
        String expiresOn,
        String licence,
        String licenceName,
        String keywords,
        List<LandingPage.Link> subjects,
        String period,
        String place,
        String sourceUrl,
        String description,
        String status,
        QualitySummary quality,
        List<LandingPage.Table> tables,
        List<LandingPage.Link> downloads) {

    /** What the page says of a synthesis that failed the privacy check. */
    static final String WITHHELD = "The synthetic data of the latest run failed the repository's privacy check, so"
            + " it is not shown; the depositor may run the synthesis again with other settings.";

    /**
     * @param opened what the link opened
     * @param shown the synthesis' tables with their first rows ({@link SyntheticTables#shown})
     * @param address the link's own path, under which its tables are served
     */
    static ReviewerPreview of(ReviewerLinks.Opened opened, List<SyntheticTables.Shown> shown, String address) {
        DepositMetadata m = opened.deposit().metadata();
        SynthesisJob job = opened.job();
        boolean showsTables = ReviewerLinks.showsTables(job);
        List<LandingPage.Table> tables = new ArrayList<>();
        List<LandingPage.Link> downloads = new ArrayList<>();
        if (showsTables) {
            Map<String, Long> rows = syntheticRows(job.report());
            Map<String, SyntheticTables.Shown> byName = new HashMap<>();
            shown.forEach(s -> byName.put(s.name(), s));
            for (DepositFile f : opened.files()) {
                SyntheticTables.Shown s = byName.get(f.fileName());
                if (s == null) {
                    continue;
                }
                CsvwTable schema;
                try {
                    schema = f.schema();
                } catch (IllegalStateException e) {
                    continue; // a synthesis that finished read it; nothing to show if it no longer does
                }
                boolean asDeposited = schema.publishedAsDeposited();
                Long count = rows.get(f.tableName());
                tables.add(LandingPage.table(
                        schema,
                        count == null ? "" : String.format(Locale.ROOT, "%,d rows", count),
                        asDeposited ? TablePreview.NONE : s.preview(),
                        asDeposited));
                if (!asDeposited) {
                    downloads.add(new LandingPage.Link(
                            address + "/tables/" + f.fileName(), f.fileName() + " (synthetic, CSV)", "text/csv"));
                }
            }
        }
        return new ReviewerPreview(
                m.title(),
                m.creators().stream().map(Creator::parse).toList(),
                opened.deposit().doi(),
                Page.DATE.format(opened.link().expiresAt()),
                m.licence(),
                DepositMetadata.licenceName(m.licence()),
                m.keywords().isEmpty() ? null : String.join(", ", m.keywords()),
                m.themes().stream()
                        .map(t -> new LandingPage.Link(t.uri(), t.label(), null))
                        .toList(),
                DepositMetadata.periodInWords(m.coverage()),
                m.coverage().place(),
                m.sourceUrl(),
                m.description(),
                status(opened.deposit().state(), job),
                showsTables ? QualitySummary.of(job.report()) : null,
                tables,
                downloads);
    }

    /** Why there are no figures or tables to show, or null when there are. */
    static String status(DepositState state, SynthesisJob job) {
        if (state == DepositState.SUBMITTED || state == DepositState.SYNTHESIZING) {
            return "The synthetic data is being generated; this page shows it once the run has finished.";
        }
        if (job == null || state == DepositState.DRAFT) {
            return "The depositor has not generated the synthetic data yet; this page shows it once they have.";
        }
        if (state == DepositState.FAILED || job.resultKey() == null) {
            return "The latest synthesis run did not finish; the depositor may run it again.";
        }
        if (!ReviewerLinks.showsTables(job)) {
            return WITHHELD;
        }
        return null;
    }

    /**
     * Whether the depositor declared the table public reference data, published as deposited (so
     * its "synthetic" table is the deposited one); a schema that does not read counts as such, so
     * nothing of it is served.
     */
    static boolean asDeposited(DepositFile f) {
        try {
            return f.schema().publishedAsDeposited();
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** A name from a request as a message or the audit may quote it: plain characters, 100 at most. */
    static String safe(String name) {
        String plain = name.replaceAll("[^\\w.-]", "?");
        return plain.length() > 100 ? plain.substring(0, 100) + "..." : plain;
    }

    /** Each table's synthetic row count, as the report gives it. */
    private static Map<String, Long> syntheticRows(String report) {
        Map<String, Long> rows = new HashMap<>();
        if (report == null) {
            return rows;
        }
        try (JsonReader reader = Json.createReader(new StringReader(report))) {
            JsonValue tables = reader.readObject().get("tables");
            if (tables != null && tables.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue t : tables.asJsonArray()) {
                    if (t instanceof JsonObject table
                            && table.get("table") instanceof JsonString name
                            && table.get("syntheticRows") instanceof JsonNumber count) {
                        rows.put(name.getString(), count.longValue());
                    }
                }
            }
        }
        return rows;
    }
}
