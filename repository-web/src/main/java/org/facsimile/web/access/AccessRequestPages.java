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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

/**
 * {@code /access-requests}: a signed-in person's requests for originals (each with its state, the
 * download while a grant lasts, withdrawing one not yet decided) and the requests they decide as
 * depositor or curator (grant, refuse or revoke, with a reason). The same service as the API.
 */
@Path("access-requests")
@RequestScoped
public class AccessRequestPages {

    private static final String HTML = "text/html; charset=UTF-8";

    /**
     * The page's view ({@code accessRequests.jte}).
     *
     * @param mine the person's own requests
     * @param deciding the requests they decide
     * @param problem what a decision or withdrawal could not do, or null
     */
    public record View(
            List<AccessRequests.View> mine, List<AccessRequests.View> deciding, String problem, String csrf) {}

    @Inject
    PageSession session;

    @Inject
    AccessRequests requests;

    @GET
    @Produces(HTML)
    public Response page() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/access-requests");
        }
        return page(200, null);
    }

    @POST
    @Path("{id}/{act: grant|refuse|revoke|withdraw}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response act(
            @PathParam("id") String id,
            @PathParam("act") String act,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("reason") String reason) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/access-requests");
        }
        UUID request = ProblemException.uuidOrNotFound(id, "access request");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/access-requests", "Access requests");
        }
        Credential me = session.current().get();
        String from = session.remoteAddress();
        try {
            switch (act) {
                case "grant" -> requests.grant(me, request, reason, from);
                case "refuse" -> requests.refuse(me, request, reason, from);
                case "revoke" -> requests.revoke(me, request, reason, from);
                default -> requests.withdraw(me, request, from);
            }
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return page(e.status(), e.toProblem().detail());
        }
        return Response.seeOther(URI.create("/access-requests")).build();
    }

    private Response page(int status, String problem) {
        Credential me = session.current().orElseThrow();
        View view = new View(
                requests.views(requests.mine(me)), requests.views(requests.deciding(me)), problem, session.csrf());
        Map<String, Object> model =
                Map.of("frame", Page.frame("Access requests", Page.Section.NONE, session.name()), "view", view);
        return Response.status(status)
                .entity(Templates.render("accessRequests.jte", model))
                .type(HTML)
                .build();
    }
}
