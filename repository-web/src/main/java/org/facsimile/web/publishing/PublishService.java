package org.facsimile.web.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.facsimile.synth.nested.NestedShape;
import org.facsimile.synth.table.CsvProblem;
import org.facsimile.synth.table.CsvTables;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.vocab.DatasetDescription;
import org.facsimile.vocab.csvw.Csv2Rdf;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwDatatypes;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.csvw.CsvwValidator;
import org.facsimile.vocab.dcat.DcatRenderer;
import org.facsimile.web.account.Account;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.OutboxEvent;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.publishing.doi.DoiRegistrar;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;
import org.facsimile.web.synthesis.SynthesisJob;

/**
 * Publishing: one transaction turns a finished synthesis into a public dataset version — the
 * synthetic tables, their CSVW metadata, the DCAT record, the DOI registered, the search index
 * update queued in the outbox. Files are copied into the public area under the new version's id
 * before commit; if the transaction fails, no row points at them and they are never served.
 */
@ApplicationScoped
public class PublishService {

    /** What the depositor learns on publishing. */
    public record Published(
            String datasetId,
            String versionId,
            int version,
            String doi,
            String doiUrl,
            String conceptDoi,
            String landingPage,
            String versionPage) {}

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    DoiRegistrar dois;

    @Inject
    BlobStore blobs;

    @Inject
    PublicDatasets datasets;

    @Inject
    PublicationMetrics metrics;

    /**
     * Publishes {@code deposit}'s finished synthesis {@code job}, which the caller has checked
     * (review decides when: {@code review.ReviewService}), in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Published publish(Deposit deposit, SynthesisJob job, Account caller, String from) {
        metrics.published();
        List<DepositFile> inputs = em.createQuery(
                        "SELECT f FROM DepositFile f WHERE f.deposit = :d ORDER BY f.fileName", DepositFile.class)
                .setParameter("d", deposit)
                .getResultList();

        Dataset dataset;
        List<PublicDatasets.VersionRef> earlier;
        if (deposit.versionOf() == null) {
            dataset = new Dataset(deposit, dois.mint(), clock.now());
            em.persist(dataset);
            em.flush();
            dois.reserve(dataset.conceptDoi(), deposit.id());
            earlier = List.of();
        } else {
            // the lock orders concurrent publications of one dataset, so version numbers never collide
            dataset = em.find(Dataset.class, deposit.versionOf(), LockModeType.PESSIMISTIC_WRITE);
            if (em.find(DatasetWithdrawal.class, dataset.id()) != null) {
                throw ProblemException.conflict(
                        "the dataset " + dataset.id() + " was withdrawn; it takes no new version");
            }
            earlier = datasets.versions(dataset);
        }
        int number = earlier.size() + 1;
        DepositMetadata described = deposit.metadata();
        if (described.embargo() != null
                && !described
                        .embargo()
                        .holdsOn(clock.now().atOffset(ZoneOffset.UTC).toLocalDate())) {
            described = described.withoutEmbargo(); // its day came before publication: open at once
        }
        DatasetVersion version =
                new DatasetVersion(dataset, number, job, deposit.doi(), described, job.report(), clock.now());
        List<PublicDatasets.VersionRef> versions = new ArrayList<>(earlier);
        versions.add(new PublicDatasets.VersionRef(version.id(), number, version.doi(), version.publishedAt()));
        String folder = "datasets/" + dataset.id() + "/v" + number + "/";
        Map<String, Long> syntheticRows = syntheticRows(job.report());
        List<CsvwTable> tables = new ArrayList<>();
        try {
            for (DepositFile input : inputs) {
                BlobStore.Stored copy = blobs.copy(
                        Area.PRIVATE, job.resultKey() + "/" + input.fileName(), Area.PUBLIC, folder + input.fileName());
                CsvwTable declared = input.schema();
                version.addDistribution(
                        input.fileName(),
                        title(input.tableName(), declared.publishedAsDeposited(), "(CSV)"),
                        "text/csv",
                        copy.byteSize(),
                        copy.sha256(),
                        copy.key(),
                        input.tableName(),
                        syntheticRows.get(input.tableName()));
                CsvwTable table = withDateTimePictures(withoutPersonalDataNone(declared), copy.key());
                tables.add(table);
                if (table.nestedShape() != null) {
                    publishDocument(NestedShape.fromJson(table.nestedShape()), job, version, folder);
                }
                String rdfName = input.tableName() + ".ttl";
                String base = PublishedFields.download(Setting.BASE_URL.get(), dataset.id(), number, table.url());
                BlobStore.Stored rdf =
                        blobs.write(Area.PUBLIC, folder + rdfName, out -> toRdf(copy.key(), table, base, out));
                version.addDistribution(
                        rdfName,
                        title(input.tableName(), declared.publishedAsDeposited(), "as RDF (W3C csv2rdf, minimal)"),
                        "text/turtle",
                        rdf.byteSize(),
                        rdf.sha256(),
                        rdf.key(),
                        null,
                        null);
            }
            checkAgainstCsvw(tables, folder);
            String csvw = CsvwJson.write(tables, csvwAnnotations(deposit, version));
            BlobStore.Stored metadata = blobs.write(
                    Area.PUBLIC, folder + "csv-metadata.json", out -> out.write(csvw.getBytes(StandardCharsets.UTF_8)));
            version.addDistribution(
                    "csv-metadata.json",
                    "Table metadata (W3C CSVW)",
                    "application/csvm+json",
                    metadata.byteSize(),
                    metadata.sha256(),
                    metadata.key(),
                    null,
                    null);

            DatasetDescription description = new PublicDatasets.PublicVersion(
                            dataset.id(), version, version.distributions(), dataset.conceptDoi(), versions)
                    .describe();
            ByteArrayOutputStream turtle = new ByteArrayOutputStream();
            new DcatRenderer().write(description, Lang.TURTLE, turtle);
            BlobStore.Stored record = blobs.write(Area.PUBLIC, folder + "dataset.ttl", out -> turtle.writeTo(out));
            version.addDistribution(
                    "dataset.ttl",
                    "Dataset record (DCAT-AP, Turtle)",
                    "text/turtle",
                    record.byteSize(),
                    record.sha256(),
                    record.key(),
                    null,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the public files", e);
        }
        em.persist(version);
        em.flush();
        dois.register(deposit.doi(), version.id(), PublicDatasets.versionPage(dataset.id(), number));
        dois.registerConcept(dataset.conceptDoi(), version.id(), PublicDatasets.landingPage(dataset.id()));
        em.persist(new OutboxEvent(OutboxEvent.INDEX_VERSION, version.id(), clock.now()));
        deposit.published(clock.now());
        audit.record(
                caller.id(),
                "dataset.publish",
                "dataset",
                dataset.id().toString(),
                "version " + number + ", doi " + deposit.doi(),
                from);
        return new Published(
                dataset.id().toString(),
                version.id().toString(),
                number,
                deposit.doi(),
                "https://doi.org/" + deposit.doi(),
                dataset.conceptDoi(),
                PublicDatasets.landingPage(dataset.id()),
                PublicDatasets.versionPage(dataset.id(), number));
    }

    /**
     * The published description keeps the personal-data marks (they tell a reader the column's
     * values are fakes) and drops the depositor's {@code none}, which says nothing about the output.
     */
    private static CsvwTable withoutPersonalDataNone(CsvwTable table) {
        List<CsvwColumn> columns = table.columns().stream()
                .map(c -> PersonalData.NONE.equals(c.personalData()) ? c.withPersonalData(null) : c)
                .toList();
        return table.withColumns(columns);
    }

    /**
     * The description with a format picture on each date-time column whose published values are not
     * in XSD's own form ({@code 2025-03-04 10:15:00}): CSVW validators and csv2rdf then read them
     * as date-times. The engine writes a column in one pattern, so its first value tells it.
     */
    private CsvwTable withDateTimePictures(CsvwTable table, String csvKey) throws IOException {
        List<CsvwColumn> columns = new ArrayList<>(table.columns());
        Set<Integer> pending = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            CsvwColumn column = columns.get(c);
            if (column.format() == null && Set.of("dateTime", "datetime").contains(column.datatype())) {
                pending.add(c);
            }
        }
        if (pending.isEmpty()) {
            return table;
        }
        // one read of the table, until every date-time column has shown a value
        try (Stream<String[]> rows = CsvTables.records(blobs.open(Area.PUBLIC, csvKey))) {
            Iterator<String[]> it = rows.skip(1).iterator();
            while (!pending.isEmpty() && it.hasNext()) {
                String[] row = it.next();
                for (Iterator<Integer> p = pending.iterator(); p.hasNext(); ) {
                    int c = p.next();
                    CsvwColumn column = columns.get(c);
                    if (c >= row.length || column.nullMarkers().contains(row[c])) {
                        continue;
                    }
                    p.remove();
                    String picture = CsvwDatatypes.dateTimePicture(row[c]);
                    if (picture != null) {
                        columns.set(
                                c,
                                new CsvwColumn(
                                        column.name(),
                                        column.datatype(),
                                        column.nullMarkers(),
                                        column.description(),
                                        picture,
                                        column.personalData(),
                                        column.lang()));
                    }
                }
            }
        }
        return table.withColumns(columns);
    }

    /**
     * The published tables must hold to the CSVW description published with them (header, datatypes,
     * keys), as a CSVW validator will check them; a synthesis that broke its own schema is not
     * published. The findings name places, never values, so they can be logged.
     */
    /** The synthetic records of a nested deposit, in the document's own shape and form. */
    private void publishDocument(NestedShape shape, SynthesisJob job, DatasetVersion version, String folder)
            throws IOException {
        BlobStore.Stored copy = blobs.copy(
                Area.PRIVATE, job.resultKey() + "/" + shape.document(), Area.PUBLIC, folder + shape.document());
        boolean lines = shape.format() == NestedShape.Format.JSON_LINES;
        version.addDistribution(
                shape.document(),
                "Synthetic records in the deposit's nested shape (" + (lines ? "JSON Lines" : "JSON") + ")",
                lines ? "application/x-ndjson" : "application/json",
                copy.byteSize(),
                copy.sha256(),
                copy.key(),
                null,
                null);
    }

    private void checkAgainstCsvw(List<CsvwTable> tables, String folder) throws IOException {
        CsvwValidator.Result result =
                CsvwValidator.validate(tables, t -> CsvTables.records(blobs.open(Area.PUBLIC, folder + t.url())), 20);
        if (!result.valid()) {
            throw new IllegalStateException("the synthetic tables do not hold to their CSVW description: "
                    + result.findings() + (result.notListed() > 0 ? " and " + result.notListed() + " more" : ""));
        }
    }

    /**
     * A table's distribution title: a synthetic table, or one the depositor declared public
     * reference data, which is not synthetic and says so in every metadata form listing files.
     */
    static String title(String table, boolean publishedAsDeposited, String form) {
        return publishedAsDeposited
                ? "Public reference table " + table + " published as deposited, not synthetic"
                        + (form.startsWith("(") ? " " : ", ") + form
                : "Synthetic table " + table + " " + form;
    }

    /** The published CSV as RDF, streamed row by row (memory stays flat in the number of rows). */
    private void toRdf(String csvKey, CsvwTable table, String base, OutputStream out) throws IOException {
        StreamRDF rdf = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        rdf.start();
        rdf.prefix("", base + "#");
        rdf.prefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        Csv2Rdf csv2rdf = new Csv2Rdf(table, base, rdf);
        try (InputStream in = blobs.open(Area.PUBLIC, csvKey)) {
            CsvTables.forEachRow(in, table.url(), csv2rdf::row);
        } catch (CsvProblem e) {
            throw new IOException("the synthetic table " + table.url() + " does not read back", e);
        }
        rdf.finish();
    }

    private static Map<String, String> csvwAnnotations(Deposit deposit, DatasetVersion version) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("dc:title", version.title());
        if (version.description() != null) {
            annotations.put("dc:description", version.description());
        }
        annotations.put("dc:identifier", "https://doi.org/" + version.doi());
        annotations.put("dc:license", version.licence());
        annotations.put("dc:type", "synthetic data");
        if (version.sourceUrl() != null) {
            annotations.put("prov:wasDerivedFrom", version.sourceUrl());
        }
        return annotations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> syntheticRows(String reportJson) {
        Map<String, Long> rows = new LinkedHashMap<>();
        if (reportJson == null) {
            return rows;
        }
        Map<String, Object> report = JsonbBuilder.create().fromJson(reportJson, Map.class);
        for (Object t : (List<Object>) report.getOrDefault("tables", List.of())) {
            Map<String, Object> table = (Map<String, Object>) t;
            rows.put((String) table.get("table"), ((Number) table.get("syntheticRows")).longValue());
        }
        return rows;
    }
}
