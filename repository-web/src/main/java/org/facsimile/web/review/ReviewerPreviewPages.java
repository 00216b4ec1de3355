package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.deposit.SyntheticTables;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;

/**
 * What a reviewer link opens, for anyone holding it, without an account: {@code /preview/{secret}}
 * (the deposit as its landing page would show it) and {@code /preview/{secret}/tables/{name}} (a
 * synthetic table). Never the deposited input. The answers are not to be stored, indexed or named
 * in a Referer, since the secret is in their address (SecurityHeaders); a deposit published since
 * leads to its landing page.
 */
@Path("preview/{secret}")
@RequestScoped
public class ReviewerPreviewPages {

    private static final String HTML = "text/html; charset=UTF-8";

    @Inject
    ReviewerLinks links;

    @Inject
    SyntheticTables synthetic;

    @Inject
    PageSession session;

    @GET
    @Produces(HTML)
    public Response page(@PathParam("secret") String secret) {
        ReviewerLinks.Opened opened = links.open(secret, "page", session.remoteAddress());
        if (opened.landingPage() != null) {
            return Response.seeOther(URI.create(opened.landingPage())).build();
        }
        List<SyntheticTables.Shown> shown =
                ReviewerLinks.showsTables(opened.job()) ? synthetic.shown(opened.job(), opened.files()) : List.of();
        ReviewerPreview view = ReviewerPreview.of(opened, shown, ReviewerLinks.address(secret));
        Map<String, Object> model = Map.of(
                "frame",
                Page.frame("Preview: " + view.title(), Page.Section.NONE, session.name(), "landing"),
                "page",
                view);
        return Response.ok(Templates.render("reviewerPreview.jte", model))
                .type(HTML)
                .build();
    }

    /**
     * A synthetic table of the latest run, once it passed the privacy check; 404 for a table the
     * deposit does not have and for public reference data (its rows are the deposited ones).
     */
    @GET
    @Path("tables/{name}")
    @Produces("text/csv; charset=UTF-8")
    public Response table(@PathParam("secret") String secret, @PathParam("name") String name) {
        ReviewerLinks.Opened opened =
                links.open(secret, "table " + ReviewerPreview.safe(name), session.remoteAddress());
        if (opened.landingPage() != null) {
            return Response.seeOther(URI.create(opened.landingPage())).build();
        }
        DepositFile file = opened.files().stream()
                .filter(f -> f.fileName().equals(name) && !ReviewerPreview.asDeposited(f))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("table " + ReviewerPreview.safe(name)));
        if (!ReviewerLinks.showsTables(opened.job())) {
            throw ProblemException.conflict(
                    ReviewerPreview.status(opened.deposit().state(), opened.job()));
        }
        return synthetic.attachment(opened.job().resultKey() + "/" + file.fileName(), file.fileName());
    }
}
