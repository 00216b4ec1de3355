package org.facsimile.web.deposit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwForeignKey;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.platform.Page;
import org.facsimile.web.synthesis.JobStep;
import org.facsimile.web.synthesis.QualitySummary;
import org.facsimile.web.synthesis.SynthesisJob;
import org.facsimile.web.synthesis.SynthesisJobEvent;

/**
 * What a deposit's page shows its owner ({@code deposit.jte}): the description, each table's
 * columns (a form to correct them in a draft), uploads, the synthesis run and its report, and the
 * actions the deposit's state allows.
 *
 * @param id the deposit
 * @param title its title
 * @param state its state in words
 * @param doi the DOI reserved for it
 * @param actionProblem why the last action was refused, or null
 * @param description the description's filled-in fields
 * @param draft whether it is a draft (description, tables and columns can change)
 * @param running whether its synthesis is queued or running (the page follows it live)
 * @param tables its tables
 * @param uploadProblem why the last upload was refused, or null
 * @param progress the latest synthesis run, or null when there was none
 * @param synthesis the synthesis form ("Synthesis" or "Run again"), or null when none can run now
 * @param publishable whether it can be published now
 * @param withdrawable whether the depositor can withdraw it now
 * @param shareable whether reviewer links can show it (unpublished, not withdrawn)
 * @param withdrawn whether it was withdrawn
 * @param published whether it is published
 * @param inputErased whether its private input (the deposited tables) was erased
 * @param csrf the session's form token
 */
public record DepositPageView(
        String id,
        String title,
        String state,
        String doi,
        String actionProblem,
        List<Term> description,
        boolean draft,
        boolean running,
        List<TableView> tables,
        String uploadProblem,
        Progress progress,
        Synthesis synthesis,
        boolean publishable,
        boolean withdrawable,
        boolean shareable,
        boolean withdrawn,
        boolean published,
        boolean inputErased,
        String csrf) {

    /** Whether the depositor can erase the private input now: once published or withdrawn, and not yet erased. */
    public boolean erasable() {
        return (published || withdrawn) && !inputErased && !tables.isEmpty();
    }

    /** The datatypes a column can be declared with on the page (the API takes every CSVW one). */
    static final List<String> DATATYPES =
            List.of("string", "integer", "decimal", "date", "dateTime", "time", "boolean");

    /** A field of the description and its value. */
    public record Term(String term, String value) {}

    /** A choice of a select list, and whether it is chosen. */
    public record Choice(String value, String label, boolean selected) {}

    /**
     * A table of the deposit.
     *
     * @param index its place among the deposit's tables (for ids in the page)
     * @param fileName its file
     * @param schemaAction where its columns form is sent
     * @param figures its rows and bytes
     * @param unreadable why its stored schema does not read, or null
     * @param problem why the columns last sent were refused, or null
     * @param editable whether its columns can be corrected
     * @param columns its columns
     * @param keys the primary key's choices
     * @param constraints its rules, one a line
     * @param publishedAsDeposited declared public reference data, published as deposited
     */
    public record TableView(
            int index,
            String fileName,
            String schemaAction,
            String figures,
            String unreadable,
            String problem,
            boolean editable,
            List<ColumnView> columns,
            List<Choice> keys,
            List<String> constraints,
            boolean publishedAsDeposited) {}

    /**
     * A column of a table.
     *
     * @param index its place in the table (the form's field names carry it)
     * @param name its name
     * @param key whether it is the table's key
     * @param datatype its CSVW datatype
     * @param format the picture its values are written in, or null
     * @param markers its missing-value markers, joined
     * @param personal the kind of direct identifier it is, or empty
     * @param reference the table and key it refers to, as "file → column", or empty
     * @param types the datatype's choices
     * @param personalKinds the direct-identifier choices
     * @param references the reference's choices
     */
    public record ColumnView(
            int index,
            String name,
            boolean key,
            String datatype,
            String format,
            String markers,
            String personal,
            String reference,
            List<Choice> types,
            List<Choice> personalKinds,
            List<Choice> references) {}

    /**
     * The latest synthesis run.
     *
     * @param events where the page's script follows it (server-sent events after the last shown)
     * @param percent how far along it is
     * @param step its stage in words (the badge says the same while it runs)
     * @param failure why it failed, or null
     * @param steps every step so far, each "when: what"
     * @param report the report's verdict, figures and charts, or null before there is a report
     * @param synthetic the synthetic tables with their first rows, once the run has finished
     */
    public record Progress(
            String events,
            int percent,
            String step,
            String failure,
            List<String> steps,
            QualitySummary report,
            List<SyntheticTables.Shown> synthetic) {}

    /** The synthesis form: to run it, or to run it again with other settings. */
    public record Synthesis(boolean again) {}

    static DepositPageView of(
            Deposit d,
            List<DepositFile> files,
            SynthesisJob job,
            List<SynthesisJobEvent> events,
            String actionProblem,
            String uploadProblem,
            CsvwTable unsaved,
            String schemaProblem,
            List<SyntheticTables.Shown> synthetic,
            DepositService.QueuePlace place,
            String csrf) {
        DepositState s = d.state();
        boolean running = s == DepositState.SUBMITTED || s == DepositState.SYNTHESIZING;
        boolean draft = s == DepositState.DRAFT;
        List<String> keys = referableKeys(files);
        List<TableView> tables = new ArrayList<>();
        for (int t = 0; t < files.size(); t++) {
            DepositFile f = files.get(t);
            boolean refused = unsaved != null && unsaved.url().equals(f.fileName());
            tables.add(table(d, t, f, draft, refused ? unsaved : null, refused ? schemaProblem : null, keys));
        }
        boolean again = s == DepositState.READY_FOR_REVIEW || s == DepositState.FAILED || s == DepositState.REJECTED;
        return new DepositPageView(
                d.id().toString(),
                d.metadata().title(),
                running && job != null ? stage(job, place) : DepositPages.STATES.getOrDefault(s, s.name()),
                d.doi(),
                actionProblem,
                description(d.metadata()),
                draft,
                running,
                tables,
                uploadProblem,
                job == null ? null : progress(job, events, synthetic, place),
                (draft && !files.isEmpty()) || again ? new Synthesis(again) : null,
                s == DepositState.READY_FOR_REVIEW || s == DepositState.REJECTED,
                s.mayBecome(DepositState.WITHDRAWN),
                s != DepositState.PUBLISHED && s != DepositState.WITHDRAWN,
                s == DepositState.WITHDRAWN,
                s == DepositState.PUBLISHED,
                !files.isEmpty() && files.stream().allMatch(f -> f.erasedAt() != null),
                csrf);
    }

    private static List<Term> description(DepositMetadata m) {
        List<Term> terms = new ArrayList<>();
        term(terms, "Description", m.description());
        term(terms, "Creators", String.join("; ", m.creators()));
        term(terms, "Keywords", String.join(", ", m.keywords()));
        term(
                terms,
                "Subjects",
                String.join(
                        ", ",
                        m.subjects().stream().map(DepositPageView::subject).toList()));
        term(
                terms,
                "Licence",
                DepositMetadata.licenceName(m.licence() == null ? DepositMetadata.LICENCES.get(0) : m.licence()));
        term(terms, "Time covered", DepositMetadata.periodInWords(m.coverage()));
        term(terms, "Place covered", m.spatial());
        return terms;
    }

    private static String subject(String code) {
        return DataTheme.ofCode(code).map(DataTheme::label).orElse(code);
    }

    private static void term(List<Term> terms, String term, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(new Term(term, value));
        }
    }

    /**
     * The keys a column may refer to: each table's single-column primary key, as "file/column"
     * (a file name holds no slash).
     */
    static List<String> referableKeys(List<DepositFile> files) {
        List<String> keys = new ArrayList<>();
        for (DepositFile f : files) {
            try {
                CsvwTable schema = f.schema();
                if (schema.primaryKey().size() == 1) {
                    keys.add(f.fileName() + "/" + schema.primaryKey().get(0));
                }
            } catch (IllegalStateException e) {
                // its table says so where it is shown
            }
        }
        return keys;
    }

    /** A column's reference as the form holds it: "file/column", or "" for none. */
    private static String referenceOf(CsvwTable schema, String column) {
        for (CsvwForeignKey k : schema.foreignKeys()) {
            if (k.columns().equals(List.of(column))) {
                return k.resource() + "/" + k.referencedColumns().get(0);
            }
        }
        return "";
    }

    private static String arrow(String reference) {
        return reference.replace("/", " \u2192 ");
    }

    /**
     * A table's file and its columns as the schema holds them (kinds, missing-value markers, the
     * direct identifiers profiling marked); in a draft, the choices to correct them, the key and the
     * rules every row obeys.
     */
    private static TableView table(
            Deposit d, int t, DepositFile f, boolean editable, CsvwTable unsaved, String problem, List<String> keys) {
        String action =
                "/deposits/" + d.id() + "/files/" + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8) + "/schema";
        String figures = String.format(Locale.ROOT, "%,d rows, %,d bytes", f.rowCount(), f.byteSize());
        CsvwTable schema;
        try {
            schema = unsaved != null ? unsaved : f.schema();
        } catch (IllegalStateException e) {
            return new TableView(
                    t,
                    f.fileName(),
                    action,
                    figures,
                    e.getMessage(),
                    null,
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    false);
        }
        List<ColumnView> columns = new ArrayList<>();
        for (int i = 0; i < schema.columns().size(); i++) {
            CsvwColumn c = schema.columns().get(i);
            String personal =
                    c.personalData() == null || c.personalData().equals(PersonalData.NONE) ? "" : c.personalData();
            String reference = referenceOf(schema, c.name());
            List<Choice> types = new ArrayList<>();
            for (String type : DATATYPES) {
                types.add(new Choice(type, type, type.equals(c.datatype())));
            }
            if (!DATATYPES.contains(c.datatype())) {
                types.add(new Choice(c.datatype(), c.datatype(), true));
            }
            List<Choice> kinds = new ArrayList<>();
            kinds.add(new Choice("", "no", personal.isEmpty()));
            for (PersonalData kind : PersonalData.values()) {
                kinds.add(new Choice(
                        kind.token(), kind.description(), kind.token().equals(personal)));
            }
            List<Choice> references = new ArrayList<>();
            references.add(new Choice("", "nothing", reference.isEmpty()));
            for (String key : keys) {
                references.add(new Choice(key, arrow(key), key.equals(reference)));
            }
            if (!reference.isEmpty() && !keys.contains(reference)) {
                references.add(new Choice(reference, arrow(reference), true));
            }
            columns.add(new ColumnView(
                    i,
                    c.name(),
                    schema.primaryKey().contains(c.name()),
                    c.datatype(),
                    c.format(),
                    String.join(
                            ", ",
                            c.nullMarkers().stream().filter(n -> !n.isEmpty()).toList()),
                    personal,
                    arrow(reference),
                    types,
                    kinds,
                    references));
        }
        List<Choice> keyChoices = new ArrayList<>();
        keyChoices.add(new Choice("", "none", schema.primaryKey().isEmpty()));
        for (CsvwColumn c : schema.columns()) {
            keyChoices.add(new Choice(c.name(), c.name(), schema.primaryKey().equals(List.of(c.name()))));
        }
        return new TableView(
                t,
                f.fileName(),
                action,
                figures,
                null,
                problem,
                editable,
                columns,
                keyChoices,
                schema.constraints(),
                schema.publishedAsDeposited());
    }

    /** A running job's stage in words, one source for the badge and the progress line. */
    static String stage(SynthesisJob job, DepositService.QueuePlace place) {
        return job.step() == JobStep.QUEUED && place != null
                ? place.words()
                : job.step().words();
    }

    /** The job's every step so far, its stage and, once there is one, its report's summary. */
    private static Progress progress(
            SynthesisJob job,
            List<SynthesisJobEvent> events,
            List<SyntheticTables.Shown> synthetic,
            DepositService.QueuePlace place) {
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        List<String> steps = new ArrayList<>();
        for (SynthesisJobEvent e : events) {
            steps.add(Page.MOMENT.format(e.at()) + ": "
                    + (e.message() == null ? e.step().words() : e.message()));
        }
        SynthesisJobEvent latest = events.isEmpty() ? null : events.get(events.size() - 1);
        return new Progress(
                "/api/deposits/" + job.depositId() + "/job/events?after=" + last,
                latest != null && latest.step() == job.step()
                        ? latest.percent()
                        : job.step().percent(),
                stage(job, place),
                job.failureReason(),
                steps,
                QualitySummary.of(job.report()),
                synthetic);
    }
}
