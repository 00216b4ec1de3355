package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code POST /api/admin/deposits/{id}/privacy-override}: an admin lets a synthesis whose privacy
 * check failed be published, recorded with its justification. The admin does not see the
 * deposit's data through this.
 */
@Path("api/admin/deposits/{id}/privacy-override")
@RequestScoped
@Secured(Scope.ADMIN)
public class PrivacyOverrideResource {

    /** The body of a privacy override: why publishing is right despite the failed check. */
    public record OverrideRequest(String justification) {}

    @Inject
    Caller caller;

    @Inject
    ReviewService reviews;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response overridePrivacy(@PathParam("id") String id, String json) {
        OverrideRequest request = JsonBody.read(json, OverrideRequest.class, () -> new OverrideRequest(null));
        reviews.overridePrivacy(
                caller.account(),
                ProblemException.uuidOrNotFound(id, "deposit"),
                request.justification(),
                caller.remoteAddress());
        return Response.noContent().build();
    }
}
