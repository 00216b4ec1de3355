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
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.AccessTermsService;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.publishing.PublicDatasets;

/**
 * {@code /datasets/{id}/versions/{n}/request-access}: a signed-in reader asks for a published
 * twin's restricted original: the terms and the data use agreement to read, a purpose to give, the
 * agreement to accept. The same service as {@code POST /api/access-requests}.
 */
@Path("datasets/{id}/versions/{version}/request-access")
@RequestScoped
public class RequestAccessPages {

    private static final String HTML = "text/html; charset=UTF-8";

    /**
     * The page's view ({@code requestAccess.jte}).
     *
     * @param landingPage the version's page
     * @param terms the terms in words
     * @param agreement the data use agreement's text
     * @param purpose the purpose as typed
     * @param problem what was wrong, or null
     */
    public record View(
            String title,
            String landingPage,
            String action,
            String terms,
            String agreement,
            String purpose,
            String problem,
            String csrf) {}

    @Inject
    PageSession session;

    @Inject
    PublicDatasets datasets;

    @Inject
    AccessTermsService terms;

    @Inject
    AccessRequests requests;

    @GET
    @Produces(HTML)
    public Response page(@PathParam("id") String id, @PathParam("version") String version) {
        String here = "/datasets/" + safe(id) + "/versions/" + safe(version) + "/request-access";
        if (session.current().isEmpty()) {
            return PageSession.signInFirst(here);
        }
        return page(200, id, version, "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response ask(
            @PathParam("id") String id,
            @PathParam("version") String version,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("purpose") String purpose,
            @FormParam("accept") String accept) {
        String here = "/datasets/" + safe(id) + "/versions/" + safe(version) + "/request-access";
        if (session.current().isEmpty()) {
            return PageSession.signInAgain(here);
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm(here, "The request form");
        }
        try {
            requests.ask(session.current().get(), id, version, purpose, "yes".equals(accept), session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 410) {
                throw e;
            }
            return page(
                    e.status(),
                    id,
                    version,
                    purpose == null ? "" : purpose,
                    e.toProblem().detail());
        }
        return Response.seeOther(URI.create("/access-requests")).build();
    }

    private Response page(int status, String id, String version, String purpose, String problem) {
        PublicDatasets.PublicVersion p = datasets.published(id, version);
        AccessTermsService.Availability original =
                terms.availability(datasets.depositOf(p.version().id()));
        View view = new View(
                p.version().title(),
                p.page(),
                "/datasets/" + p.datasetId() + "/versions/" + p.number() + "/request-access",
                original.words(),
                original.requestable() ? original.terms().agreement() : null,
                purpose,
                problem,
                session.csrf());
        Map<String, Object> model = Map.of(
                "frame",
                Page.frame("Request the original of " + view.title(), Page.Section.NONE, session.name()),
                "view",
                view);
        return Response.status(status)
                .entity(Templates.render("requestAccess.jte", model))
                .type(HTML)
                .build();
    }

    private static String safe(String segment) {
        return segment.replaceAll("[^A-Za-z0-9-]", "");
    }
}
