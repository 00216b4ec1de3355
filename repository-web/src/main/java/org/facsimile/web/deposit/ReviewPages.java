package org.facsimile.web.deposit;

import static org.facsimile.synth.report.Html.esc;

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
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.account.Scope;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.PublishService;

/**
 * The curators' queue as a page, {@code /review}: the deposits whose owners asked to publish
 * (when the repository requires review), each with its report and a form to approve it
 * (publishing it) or reject it with a reason the depositor reads. Nobody sees their own deposit
 * here; a person without the curator's role gets a page saying so.
 */
@Path("review")
@RequestScoped
public class ReviewPages {

    private static final String HTML = "text/html; charset=UTF-8";

    @Inject
    PageSession session;

    @Inject
    DepositService deposits;

    @Inject
    PublishService publishing;

    @GET
    @Produces(HTML)
    public Response queue() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/review");
        }
        return queuePage(200, null, null);
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response approve(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("note") String note) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/review");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/review", "The review queue");
        }
        Credential me = session.current().get();
        if (!me.allows(Scope.CURATE)) {
            return queuePage(403, null, null);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        PublishService.Published published;
        try {
            published = publishing.approve(me, depositId, blankToNull(note), session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            // approved or rejected by another curator meanwhile, or no longer in review
            return queuePage(e.status(), null, e.toProblem().detail());
        }
        return Response.seeOther(URI.create(published.landingPage())).build();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response reject(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("reason") String reason) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/review");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/review", "The review queue");
        }
        Credential me = session.current().get();
        if (!me.allows(Scope.CURATE)) {
            return queuePage(403, null, null);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (reason == null || reason.isBlank()) {
            return queuePage(422, depositId, "Say why: the depositor reads the reason.");
        }
        try {
            publishing.reject(me, depositId, reason, session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return queuePage(e.status(), null, e.toProblem().detail());
        }
        return Response.seeOther(URI.create("/review")).build();
    }

    /**
     * @param refused the deposit whose rejection lacked a reason, to show the error at its field
     * @param problem what went wrong, or null
     */
    private Response queuePage(int status, UUID refused, String problem) {
        Credential me = session.current().orElseThrow();
        StringBuilder html = new StringBuilder("<h1>Deposits awaiting review</h1>\n");
        if (!me.allows(Scope.CURATE)) {
            html.append("<p class=\"error\" role=\"alert\">Only curators review deposits; your account is not a")
                    .append(" curator's. <a href=\"/deposits\">Your deposits</a></p>\n");
            return page(status == 200 ? 403 : status, html);
        }
        if (problem != null && refused == null) {
            html.append("<p class=\"error\" role=\"alert\">")
                    .append(esc(problem))
                    .append("</p>\n");
        }
        List<Deposit> queue = deposits.inReview(me);
        if (queue.isEmpty()) {
            html.append("<p>Nothing awaits review.</p>\n");
            return page(status, html);
        }
        html.append("<p>Each synthetic dataset below passed its synthesis; read its report, then publish it or")
                .append(" send it back with a reason.</p>\n");
        for (Deposit d : queue) {
            String base = "/review/" + d.id();
            html.append("<section aria-labelledby=\"d-")
                    .append(d.id())
                    .append("\"><h2 id=\"d-")
                    .append(d.id())
                    .append("\">")
                    .append(esc(d.metadata().title()))
                    .append("</h2><p>By ")
                    .append(esc(d.owner().displayName()))
                    .append(" (")
                    .append(esc(d.owner().username()))
                    .append("), asked to publish ")
                    .append(Page.DATE.format(d.updatedAt()))
                    .append(". <a href=\"/api/deposits/")
                    .append(d.id())
                    .append("/report.html\">The quality and privacy report</a></p>")
                    .append("<form method=\"post\" action=\"")
                    .append(base)
                    .append("/approve\" data-keep>")
                    .append(session.csrfField())
                    .append("<label for=\"note-")
                    .append(d.id())
                    .append("\">Note for the record (optional)</label><input id=\"note-")
                    .append(d.id())
                    .append("\" name=\"note\" size=\"50\"><p><button type=\"submit\">Approve and publish</button></p>")
                    .append("</form><form method=\"post\" action=\"")
                    .append(base)
                    .append("/reject\" data-keep>")
                    .append(session.csrfField())
                    .append("<label for=\"reason-")
                    .append(d.id())
                    .append("\">Reason for sending it back</label>");
            boolean here = d.id().equals(refused);
            if (here) {
                html.append("<p class=\"field-error\" id=\"reason-error-")
                        .append(d.id())
                        .append("\">")
                        .append(esc(problem))
                        .append("</p>");
            }
            html.append("<textarea id=\"reason-")
                    .append(d.id())
                    .append("\" name=\"reason\" rows=\"2\" cols=\"60\"")
                    .append(here ? " aria-invalid=\"true\" aria-describedby=\"reason-error-" + d.id() + "\"" : "")
                    .append("></textarea><p><button type=\"submit\" class=\"quiet\">Send back</button></p></form>")
                    .append("</section>\n");
        }
        return page(status, html);
    }

    private Response page(int status, StringBuilder main) {
        return Response.status(status)
                .entity(Page.render("Review", Page.Section.NONE, session.name(), main.toString()))
                .type(MediaType.valueOf(HTML))
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
