package org.facsimile.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.deposit.DepositViews.DepositView;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.PublishService;

/**
 * The curators' queue, {@code /api/review}: deposits whose owners asked to publish, when the
 * repository requires review. A curator reads them (and their reports, at the deposit's own
 * report URL) and approves (publishes) or rejects with a reason. Nobody reviews their own deposit.
 */
@Path("api/review")
@RequestScoped
@Secured(Scope.CURATE)
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    /** A decision: a note when approving, the reason (shown to the depositor) when rejecting. */
    public record Decision(String note, String reason) {}

    @Inject
    Caller caller;

    @Inject
    DepositService deposits;

    @Inject
    ReviewService reviews;

    @GET
    public List<DepositView> queue() {
        return deposits.inReview(caller.credential()).stream()
                .map(d -> DepositView.of(d, null))
                .toList();
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    public Response approve(@PathParam("id") String id, String json) {
        UUID depositId = uuid(id);
        deposits.readable(caller.credential(), depositId);
        Decision decision = JsonBody.read(json, Decision.class, () -> new Decision(null, null));
        PublishService.Published published =
                reviews.approve(caller.credential(), depositId, decision.note(), caller.remoteAddress());
        return Response.created(URI.create(published.landingPage()))
                .entity(published)
                .build();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public DepositView reject(@PathParam("id") String id, String json) {
        UUID depositId = uuid(id);
        deposits.readable(caller.credential(), depositId);
        Decision decision = JsonBody.read(json, Decision.class, () -> new Decision(null, null));
        reviews.reject(caller.credential(), depositId, decision.reason(), caller.remoteAddress());
        return DepositView.of(deposits.readable(caller.credential(), depositId), null);
    }

    private static UUID uuid(String id) {
        return ProblemException.uuidOrNotFound(id, "deposit");
    }
}
