package org.facsimile.web.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.facsimile.synth.analysis.Analysis;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

/**
 * {@code /analyses}: a signed-in person's verified analyses, newest first; {@code /analyses/{id}}:
 * one of them (or one of their deposit's), the original's answer beside the twin's, or the rule
 * that refused it. The same service as {@code GET /api/analyses}.
 */
@Path("analyses")
@RequestScoped
public class AnalysisPages {

    private static final String HTML = "text/html; charset=UTF-8";

    /** The list's view ({@code analyses.jte}). */
    public record ListView(List<VerifiedAnalyses.View> analyses) {}

    /**
     * One analysis's view ({@code analysis.jte}).
     *
     * @param declared the declaration in words
     * @param pending still queued or running: the page says to reload
     * @param comparison the two answers side by side
     * @param notes how the original's figures were protected
     */
    public record OneView(
            VerifiedAnalyses.View analysis,
            String declared,
            boolean pending,
            AnalysisComparison comparison,
            List<String> notes) {}

    @Inject
    PageSession session;

    @Inject
    VerifiedAnalyses analyses;

    @GET
    @Produces(HTML)
    public Response list() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/analyses");
        }
        ListView view =
                new ListView(analyses.views(analyses.mine(session.current().get())));
        return render("analyses.jte", "Verified analyses", view);
    }

    @GET
    @Path("{id}")
    @Produces(HTML)
    public Response one(@PathParam("id") String id) {
        UUID analysis = ProblemException.idOrNotFound("analysis", id);
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/analyses/" + analysis);
        }
        VerifiedAnalyses.View a = analyses.views(
                        List.of(analyses.get(session.current().get(), analysis)))
                .get(0);
        OneView view = new OneView(
                a,
                words(a.analysis()),
                a.state().equals("QUEUED") || a.state().equals("RUNNING"),
                AnalysisComparison.of(a.original(), a.twin()),
                a.original() != null && a.original().result() != null
                        ? a.original().result().notes()
                        : List.of());
        return render("analysis.jte", "Verified analysis", view);
    }

    /** A declaration in words: "MEAN of income by region, where region != island". */
    static String words(Analysis a) {
        StringBuilder s =
                new StringBuilder(a.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (a.column() != null) {
            s.append(" of ").append(a.column());
        }
        if (a.formula() != null) {
            s.append(": ").append(a.formula());
        }
        if (a.positive() != null) {
            s.append(" (outcome ").append(a.positive()).append(')');
        }
        if (!a.probabilities().isEmpty()) {
            s.append(" at ").append(a.probabilities());
        }
        if (!a.groupBy().isEmpty()) {
            s.append(" by ").append(String.join(" and ", a.groupBy()));
        }
        for (int i = 0; i < a.filters().size(); i++) {
            Analysis.Filter f = a.filters().get(i);
            s.append(i == 0 ? ", where " : " and ")
                    .append(f.column())
                    .append(' ')
                    .append(f.op());
            if (f.value() != null) {
                s.append(' ').append(f.value());
            }
            if (!f.values().isEmpty()) {
                s.append(' ').append(f.values());
            }
        }
        return s.toString();
    }

    private Response render(String template, String title, Object view) {
        Map<String, Object> model = Map.of("frame", Page.frame(title, Page.Section.NONE, session.name()), "view", view);
        return Response.ok(Templates.render(template, model)).type(HTML).build();
    }
}
