package org.facsimile.web.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.facsimile.vocab.Creator;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.publishing.Distribution;
import org.facsimile.web.publishing.PublicDatasets;
import org.facsimile.web.publishing.PublishedFields;

/**
 * The search document of a published version: its public metadata, the facet values, and the
 * names and descriptions of its tables' columns (read from the published CSVW, which is public).
 * Nothing private goes in: the index is a public copy.
 */
@ApplicationScoped
public class SearchDocuments {

    @Inject
    PublicDatasets datasets;

    public Map<String, Object> of(PublicDatasets.PublicVersion p) throws IOException {
        var v = p.version();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("datasetId", p.datasetId().toString());
        doc.put("versionId", v.id().toString());
        doc.put("version", v.versionNumber());
        doc.put("doi", v.doi());
        doc.put("title", v.title());
        doc.put("titleSort", v.title().toLowerCase(Locale.ROOT));
        doc.put("description", v.description());
        // names, without ORCID iDs, for the creator facet and the results
        doc.put(
                "creators",
                v.creators().stream().map(c -> Creator.parse(c).name()).toList());
        doc.put("keywords", v.keywords());
        doc.put("subjects", v.subjects());
        doc.put("licence", PublishedFields.licenceCode(v.licence()));
        doc.put("licenceUrl", v.licence());
        doc.put("synthetic", v.synthetic());
        // the synthetic/source facet: whether the private input has a public original to compare with
        doc.put("source", v.sourceUrl() == null ? "private" : "public");
        doc.put("sourceUrl", v.sourceUrl());
        doc.put("published", v.publishedAt().toString());
        doc.put("year", v.publishedAt().atZone(ZoneOffset.UTC).getYear());
        doc.put("url", PublicDatasets.landingPage(p.datasetId()));
        TreeSet<String> formats = new TreeSet<>();
        StringBuilder tables = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        long rows = 0;
        for (Distribution f : p.files()) {
            formats.add(f.mediaType());
            if (f.tableName() != null) {
                tables.append(f.tableName()).append(' ');
                rows += f.rowCount() == null ? 0 : f.rowCount();
            }
        }
        for (CsvwTable table : datasets.tables(p)) {
            for (CsvwColumn column : table.columns()) {
                columns.append(column.name()).append(". ");
                if (column.description() != null) {
                    columns.append(column.description()).append(". ");
                }
            }
        }
        doc.put("formats", formats);
        doc.put("rows", rows);
        doc.put("tables", tables.toString().trim());
        doc.put("columns", columns.toString().trim());
        return doc;
    }
}
