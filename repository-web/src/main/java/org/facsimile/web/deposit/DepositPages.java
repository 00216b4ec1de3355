package org.facsimile.web.deposit;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;

/**
 * {@code GET /deposits}: the signed-in depositor's deposits with where each stands, newest first,
 * and what can be looked at next (the synthesis report once there is one, the DOI once published).
 */
@Path("deposits")
@RequestScoped
public class DepositPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Each state in words a depositor reads. */
    static final Map<DepositState, String> STATES = Map.of(
            DepositState.DRAFT, "draft",
            DepositState.SUBMITTED, "queued for synthesis",
            DepositState.SYNTHESIZING, "synthesizing",
            DepositState.READY_FOR_REVIEW, "ready for your review",
            DepositState.IN_REVIEW, "with a curator",
            DepositState.PUBLISHED, "published",
            DepositState.REJECTED, "declined by a curator",
            DepositState.FAILED, "synthesis failed",
            DepositState.WITHDRAWN, "withdrawn");

    @Inject
    DepositService deposits;

    @Inject
    PageSession session;

    @GET
    @Produces("text/html; charset=UTF-8")
    public Response page() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits");
        }
        List<Deposit> mine = deposits.list(session.current().get());
        StringBuilder html = new StringBuilder("<h1>My deposits</h1>\n");
        if (mine.isEmpty()) {
            html.append("<p>No deposits yet. Create one with the API (<code>POST /api/deposits</code>).</p>\n");
        } else {
            html.append("<table><caption class=\"skip\">Your deposits, newest first</caption><thead><tr>")
                    .append("<th scope=\"col\">Title</th><th scope=\"col\">State</th><th scope=\"col\">Created</th>")
                    .append("<th scope=\"col\">Last change</th><th scope=\"col\">Next</th></tr></thead><tbody>");
            for (Deposit d : mine) {
                html.append("<tr><td>")
                        .append(esc(d.metadata().title()))
                        .append(d.versionOf() != null ? " <span class=\"state\">new version</span>" : "")
                        .append("</td><td><span class=\"state\">")
                        .append(esc(STATES.getOrDefault(d.state(), d.state().name())))
                        .append("</span></td><td>")
                        .append(DATE.format(d.createdAt()))
                        .append("</td><td>")
                        .append(DATE.format(d.updatedAt()))
                        .append("</td><td>")
                        .append(next(d))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>\n");
        }
        return Response.ok(Page.render("My deposits", Page.Section.DEPOSITS, session.name(), html.toString()))
                .build();
    }

    private static String next(Deposit d) {
        String id = d.id().toString();
        return switch (d.state()) {
            case READY_FOR_REVIEW, IN_REVIEW, REJECTED ->
                "<a href=\"/api/deposits/" + id + "/report.html\">Synthesis report</a>";
            case PUBLISHED -> "<a href=\"/doi/" + esc(d.doi()) + "\">" + esc(d.doi()) + "</a>";
            case FAILED -> "<a href=\"/api/deposits/" + id + "/job\">Why it failed</a>";
            default -> "";
        };
    }
}
