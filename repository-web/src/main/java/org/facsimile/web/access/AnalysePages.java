package org.facsimile.web.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.facsimile.synth.analysis.Analysis;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.AnalysisTermsService;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.publishing.Distribution;
import org.facsimile.web.publishing.PublicDatasets;

/**
 * {@code /datasets/{id}/versions/{n}/analyses}: a signed-in reader declares a verified analysis of
 * one of a published twin's tables: what to compute, of which column, by which groups, with one
 * filter, or a regression's formula. The same service as {@code POST /api/analyses}; the API takes
 * several filters.
 */
@Path("datasets/{id}/versions/{version}/analyses")
@RequestScoped
public class AnalysePages {

    private static final String HTML = "text/html; charset=UTF-8";

    /** What the reader chose, as typed (so a refused form comes back filled in). */
    public record Form(
            String table,
            String kind,
            String column,
            String groupBy,
            String groupBy2,
            String filterColumn,
            String filterOp,
            String filterValue,
            String probabilities,
            String formula,
            String positive) {

        static final Form EMPTY = new Form("", "COUNT", "", "", "", "", "", "", "0.25, 0.5, 0.75", "", "");
    }

    /** An option of a select: its value, its words, whether chosen. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * The page's view ({@code analyse.jte}).
     *
     * @param rules the depositor's terms in words, or null when the original answers no analyses
     * @param columns every column of the version's tables, for the column fields' suggestions
     */
    public record View(
            String title,
            String landingPage,
            String action,
            String rules,
            List<Option> tables,
            List<Option> kinds,
            List<Option> ops,
            List<String> columns,
            Form form,
            String problem,
            String csrf) {}

    private static final Map<String, String> KINDS = Map.of(
            "COUNT", "Count rows (by up to two columns: a cross-tabulation)",
            "MEAN", "Mean of a numeric column",
            "QUANTILES", "Quantiles of a numeric column",
            "LINEAR_REGRESSION", "Linear regression (formula)",
            "LOGISTIC_REGRESSION", "Logistic regression (formula)");

    private static final List<String> OPS = List.of("", "=", "!=", "<", "<=", ">", ">=", "in", "missing", "present");

    @Inject
    PageSession session;

    @Inject
    PublicDatasets datasets;

    @Inject
    AnalysisTermsService terms;

    @Inject
    VerifiedAnalyses analyses;

    @GET
    @Produces(HTML)
    public Response page(@PathParam("id") String id, @PathParam("version") String version) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst(here(id, version));
        }
        return page(200, id, version, Form.EMPTY, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response submit(
            @PathParam("id") String id,
            @PathParam("version") String version,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("table") String table,
            @FormParam("kind") String kind,
            @FormParam("column") String column,
            @FormParam("groupBy") String groupBy,
            @FormParam("groupBy2") String groupBy2,
            @FormParam("filterColumn") String filterColumn,
            @FormParam("filterOp") String filterOp,
            @FormParam("filterValue") String filterValue,
            @FormParam("probabilities") String probabilities,
            @FormParam("formula") String formula,
            @FormParam("positive") String positive) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain(here(id, version));
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm(here(id, version), "The analysis form");
        }
        Form form = new Form(
                text(table),
                text(kind),
                text(column),
                text(groupBy),
                text(groupBy2),
                text(filterColumn),
                text(filterOp),
                text(filterValue),
                text(probabilities),
                text(formula),
                text(positive));
        VerifiedAnalysis made;
        try {
            made = analyses.submit(
                    session.current().get(),
                    id,
                    version,
                    blankToNull(form.table()),
                    analysis(form),
                    session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 410) {
                throw e;
            }
            return page(e.status(), id, version, form, e.toProblem().detail());
        }
        return Response.seeOther(URI.create("/analyses/" + made.id())).build();
    }

    /** The declaration a form makes; a field that does not read is refused naming it. */
    static Analysis analysis(Form form) {
        Analysis.Kind kind;
        try {
            kind = Analysis.Kind.valueOf(form.kind());
        } catch (IllegalArgumentException e) {
            throw invalid("$.analysis.kind", "choose what to compute");
        }
        boolean regression = kind == Analysis.Kind.LINEAR_REGRESSION || kind == Analysis.Kind.LOGISTIC_REGRESSION;
        List<String> groupBy = new ArrayList<>();
        if (!regression) {
            for (String g : List.of(form.groupBy(), form.groupBy2())) {
                if (!g.isBlank()) {
                    groupBy.add(g.strip());
                }
            }
        }
        List<Analysis.Filter> filters = new ArrayList<>();
        if (!form.filterOp().isBlank()) { // "(no filter)" chosen: a column typed alone is not a filter
            boolean in = form.filterOp().equals("in");
            List<String> values = in
                    ? Arrays.stream(form.filterValue().split(","))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList()
                    : List.of();
            filters.add(new Analysis.Filter(
                    form.filterColumn().strip(), form.filterOp(), in ? null : blankToNull(form.filterValue()), values));
        }
        List<Double> probabilities = new ArrayList<>();
        if (kind == Analysis.Kind.QUANTILES) {
            for (String p : form.probabilities().split(",")) {
                if (!p.isBlank()) {
                    try {
                        probabilities.add(Double.parseDouble(p.strip()));
                    } catch (NumberFormatException e) {
                        throw invalid(
                                "$.analysis.probabilities",
                                "numbers between 0 and 1, separated by commas (0.5: the median)");
                    }
                }
            }
        }
        boolean measured = kind == Analysis.Kind.MEAN || kind == Analysis.Kind.QUANTILES;
        return new Analysis(
                kind,
                measured ? blankToNull(form.column()) : null,
                groupBy,
                filters,
                probabilities,
                regression ? blankToNull(form.formula()) : null,
                kind == Analysis.Kind.LOGISTIC_REGRESSION ? blankToNull(form.positive()) : null);
    }

    private Response page(int status, String id, String version, Form form, String problem) {
        PublicDatasets.PublicVersion p = datasets.published(id, version);
        String rules = terms.of(datasets.depositOf(p.version().id()))
                .map(AnalysisTermsService::words)
                .orElse(null);
        List<Option> tables = p.files().stream()
                .filter(f -> f.tableName() != null && "text/csv".equals(f.mediaType()))
                .map(Distribution::fileName)
                .map(name -> new Option(name, name, name.equals(form.table())))
                .toList();
        Set<String> columns = new LinkedHashSet<>();
        try {
            for (CsvwTable t : datasets.tables(p)) {
                t.columns().stream().map(CsvwColumn::name).forEach(columns::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Option> kinds = Arrays.stream(Analysis.Kind.values())
                .map(k -> new Option(k.name(), KINDS.get(k.name()), k.name().equals(form.kind())))
                .toList();
        List<Option> ops = OPS.stream()
                .map(o -> new Option(o, o.isEmpty() ? "(no filter)" : o, o.equals(form.filterOp())))
                .toList();
        View view = new View(
                p.version().title(),
                p.page(),
                "/datasets/" + p.datasetId() + "/versions/" + p.number() + "/analyses",
                rules,
                tables,
                kinds,
                ops,
                List.copyOf(columns),
                form,
                problem,
                session.csrf());
        Map<String, Object> model = Map.of(
                "frame",
                Page.frame("Verified analysis of " + view.title(), Page.Section.NONE, session.name()),
                "view",
                view);
        return Response.status(status)
                .entity(Templates.render("analyse.jte", model))
                .type(HTML)
                .build();
    }

    private static String here(String id, String version) {
        return "/datasets/" + safe(id) + "/versions/" + safe(version) + "/analyses";
    }

    private static String safe(String segment) {
        return segment.replaceAll("[^A-Za-z0-9-]", "");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ProblemException invalid(String path, String message) {
        return ProblemException.invalidField("invalid-analysis", "Invalid analysis", path, message);
    }
}
