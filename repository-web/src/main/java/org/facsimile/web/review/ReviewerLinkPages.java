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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

/**
 * {@code /deposits/{id}/reviewer-links}: the depositor's page for sharing an unpublished deposit
 * with reviewers: the links so far, a new one (its address shown once), revoking one. The same
 * service as the API's {@link ReviewerLinkResource}; nobody but the owner sees the page (404).
 */
@Path("deposits/{id}/reviewer-links")
@RequestScoped
public class ReviewerLinkPages {

    private static final String HTML = "text/html; charset=UTF-8";

    @Inject
    PageSession session;

    @Inject
    ReviewerLinks links;

    @Inject
    DepositService deposits;

    @Inject
    Clock clock;

    @GET
    @Produces(HTML)
    public Response page(@PathParam("id") String id) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id + "/reviewer-links");
        }
        return page(200, deposit(id), null, null, "", String.valueOf(ReviewerLinks.DEFAULT_DAYS));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response create(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("label") String label,
            @FormParam("days") String days) {
        Response refused = refusedPost(id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = deposit(id);
        links.requireOwner(session.current().get(), depositId);
        String typedLabel = label == null ? "" : label;
        String typedDays = days == null ? "" : days.strip();
        int lifetime;
        try {
            lifetime = Integer.parseInt(typedDays);
        } catch (NumberFormatException e) {
            return page(
                    422,
                    depositId,
                    null,
                    "Days: a whole number from 1 to " + ReviewerLink.MAX_DAYS + ".",
                    typedLabel,
                    typedDays);
        }
        ReviewerLinks.Created created;
        try {
            created = links.create(session.current().get(), depositId, typedLabel, lifetime, session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return page(e.status(), depositId, null, e.toProblem().detail(), typedLabel, typedDays);
        }
        return page(200, depositId, created.url(), null, "", String.valueOf(ReviewerLinks.DEFAULT_DAYS));
    }

    @POST
    @Path("{link}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response revoke(
            @PathParam("id") String id,
            @PathParam("link") String link,
            @FormParam(PageSession.CSRF_FIELD) String csrf) {
        Response refused = refusedPost(id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = deposit(id);
        links.revoke(
                session.current().get(),
                depositId,
                ProblemException.uuidOrNotFound(link, "reviewer link"),
                session.remoteAddress());
        return Response.seeOther(URI.create("/deposits/" + depositId + "/reviewer-links"))
                .build();
    }

    /** What a form post answers before it is read, or null when it may go on. */
    private Response refusedPost(String id, String csrf) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/" + id + "/reviewer-links");
        }
        ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        return null;
    }

    private Response page(int status, UUID depositId, String created, String problem, String label, String days) {
        Credential me = session.current().orElseThrow();
        List<ReviewerLink> all = links.list(me, depositId);
        Deposit deposit = deposits.readable(me, depositId);
        Instant now = clock.now();
        ReviewerLinkList view = new ReviewerLinkList(
                depositId.toString(),
                deposit.metadata().title(),
                ReviewerLinks.SHAREABLE.contains(deposit.state()),
                created,
                problem,
                label,
                days,
                ReviewerLink.MAX_DAYS,
                all.stream().map(l -> ReviewerLinkList.Row.of(l, now)).toList(),
                session.csrf());
        Map<String, Object> model = Map.of(
                "frame", Page.frame("Share with reviewers", Page.Section.DEPOSITS, session.name()), "list", view);
        return Response.status(status)
                .entity(Templates.render("reviewerLinks.jte", model))
                .type(HTML)
                .build();
    }

    private static UUID deposit(String id) {
        return ProblemException.uuidOrNotFound(id, "deposit");
    }
}
