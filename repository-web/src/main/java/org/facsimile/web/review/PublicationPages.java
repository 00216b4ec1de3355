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
import java.util.Map;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.DepositMetadata;
import org.facsimile.web.deposit.DepositPage;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.deposit.DepositState;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

/**
 * {@code /deposits/{id}/publish}: what becomes public and permanent, to confirm first; the form
 * that asks to publish (published at once, or sent to the curators when review is required).
 */
@Path("deposits/{id}/publish")
@RequestScoped
public class PublicationPages {

    private static final String HTML = "text/html; charset=UTF-8";

    @Inject
    DepositService deposits;

    @Inject
    PageSession session;

    @Inject
    DepositPage page;

    @Inject
    ReviewService reviews;

    /** What publishing makes public and permanent, to confirm; the deposit's page when it cannot be published now. */
    @GET
    @Produces(HTML)
    public Response confirmPublication(@PathParam("id") String id) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id + "/publish");
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        Credential me = session.current().get();
        Deposit d = deposits.readable(me, depositId);
        if (d.state() != DepositState.READY_FOR_REVIEW && d.state() != DepositState.REJECTED) {
            // published meanwhile (the back button), or not ready: the deposit says where it stands
            return Response.seeOther(URI.create("/deposits/" + depositId)).build();
        }
        PublishView view = new PublishView(
                depositId.toString(),
                d.metadata().title(),
                deposits.files(me, depositId).stream()
                        .map(DepositFile::fileName)
                        .toList(),
                d.doi(),
                DepositMetadata.licenceName(
                        d.metadata().licence() == null
                                ? DepositMetadata.LICENCES.get(0)
                                : d.metadata().licence()),
                ReviewService.reviewRequired(),
                d.metadata().embargo() == null ? null : d.metadata().embargo().inWords(),
                session.csrf());
        Map<String, Object> model = Map.of(
                "frame",
                Page.frame("Publish " + d.metadata().title(), Page.Section.DEPOSITS, session.name()),
                "p",
                view);
        return Response.ok(Templates.render("publish.jte", model)).type(HTML).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response publish(@PathParam("id") String id, @FormParam(PageSession.CSRF_FIELD) String csrf) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        try {
            // published or sent to the curators: the deposit's page says which, and what comes next
            reviews.requestPublication(session.current().get(), depositId, session.remoteAddress());
            return Response.seeOther(URI.create("/deposits/" + depositId)).build();
        } catch (ProblemException e) {
            return page.refused(e, depositId);
        }
    }
}
