package org.facsimile.web.review;

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
import java.util.Map;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.account.Scope;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
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
    ReviewService reviews;

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
        Response refused = refusedPost(csrf);
        if (refused != null) {
            return refused;
        }
        Credential me = session.current().get();
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        PublishService.Published published;
        try {
            published = reviews.approve(me, depositId, blankToNull(note), session.remoteAddress());
        } catch (ProblemException e) {
            return refusedDecision(e);
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
        Response refused = refusedPost(csrf);
        if (refused != null) {
            return refused;
        }
        Credential me = session.current().get();
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (reason == null || reason.isBlank()) {
            return queuePage(422, depositId, "Say why: the depositor reads the reason.");
        }
        try {
            reviews.reject(me, depositId, reason, session.remoteAddress());
        } catch (ProblemException e) {
            return refusedDecision(e);
        }
        return Response.seeOther(URI.create("/review")).build();
    }

    /**
     * What a curator's form post answers before it is read, or null when it may go on: sign in
     * again, the refused-form page for a token that is not this session's, the queue (403) for
     * someone who is not a curator.
     */
    private Response refusedPost(String csrf) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/review");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/review", "The review queue");
        }
        if (!session.current().get().allows(Scope.CURATE)) {
            return queuePage(403, null, null);
        }
        return null;
    }

    /**
     * A decision refused (approved or rejected by another curator meanwhile, or no longer in
     * review): the queue says why; a deposit that is not there stays the 404 page.
     */
    private Response refusedDecision(ProblemException e) {
        if (e.status() == 404) {
            throw e;
        }
        return queuePage(e.status(), null, e.toProblem().detail());
    }

    /**
     * @param refused the deposit whose rejection lacked a reason, to show the error at its field
     * @param problem what went wrong, or null
     */
    private Response queuePage(int status, UUID refused, String problem) {
        Credential me = session.current().orElseThrow();
        boolean curator = me.allows(Scope.CURATE);
        List<ReviewQueue.Item> items = !curator
                ? List.of()
                : deposits.inReview(me).stream()
                        .map(d -> new ReviewQueue.Item(
                                d.id().toString(),
                                d.metadata().title(),
                                d.owner().displayName(),
                                d.owner().username(),
                                Page.DATE.format(d.updatedAt()),
                                d.id().equals(refused) ? problem : null))
                        .toList();
        ReviewQueue queue = new ReviewQueue(curator, refused == null ? problem : null, items, session.csrf());
        Map<String, Object> model =
                Map.of("frame", Page.frame("Review", Page.Section.NONE, session.name()), "queue", queue);
        return Response.status(!curator && status == 200 ? 403 : status)
                .entity(Templates.render("review.jte", model))
                .type(MediaType.valueOf(HTML))
                .build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
