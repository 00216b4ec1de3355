package org.facsimile.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.publishing.PublishService;
import org.facsimile.web.storage.StoreAudit;

/**
 * Admin acts, each audited: {@code POST /api/admin/accounts} creates an account (its first token
 * is in the answer, once); {@code POST /api/admin/datasets/{id}/withdraw} withdraws a published
 * dataset; {@code POST /api/admin/deposits/{id}/privacy-override} lets a synthesis that failed its
 * privacy check be published; {@code GET /api/admin/audit} reads the audit log;
 * {@code POST /api/admin/storage/fixity-audit}, {@code /rewrap} and {@code /sweep} check the store,
 * rotate keys and remove what crashes left; {@code POST /api/admin/search/reindex} rebuilds the
 * search index from the database.
 */
@Path("api/admin")
@RequestScoped
@Secured(Scope.ADMIN)
public class AdminResource {

    /** The body of an account creation. */
    public record AccountRequest(String username, String displayName, String email, Role role, String password) {}

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    @Inject
    org.facsimile.web.publishing.WithdrawalService withdrawals;

    @Inject
    PublishService publishing;

    @Inject
    AuditLog auditLog;

    @Inject
    StoreAudit store;

    @Inject
    org.facsimile.web.platform.Clock clock;

    @Inject
    org.facsimile.web.search.SearchMaintenance searchMaintenance;

    /** The body of a withdrawal: why, shown where the dataset was. */
    public record WithdrawalRequest(String reason) {}

    /** Withdraws a published dataset: it leaves the catalogue, search and downloads; a tombstone stays. */
    @POST
    @Path("datasets/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdraw(@jakarta.ws.rs.PathParam("id") String id, String json) {
        UUID datasetId = ProblemException.uuidOrNotFound(id, "dataset");
        WithdrawalRequest request = JsonBody.read(json, WithdrawalRequest.class, () -> new WithdrawalRequest(null));
        org.facsimile.web.publishing.DatasetWithdrawal w =
                withdrawals.withdraw(caller.account(), datasetId, request.reason(), caller.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", w.datasetId().toString());
        body.put("withdrawnAt", w.withdrawnAt().toString());
        body.put("reason", w.reason());
        return Response.ok(body).build();
    }

    /** The body of an identity link: the provider's issuer and the subject it names the person by. */
    public record IdentityRequest(String issuer, String subject) {}

    /** Links an account to an identity at an OpenID provider: signing in there opens this account. */
    @POST
    @Path("accounts/{id}/identities")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response linkIdentity(@PathParam("id") String id, String json) {
        IdentityRequest request = JsonBody.read(json, IdentityRequest.class);
        accounts.linkIdentity(
                caller.account(),
                ProblemException.uuidOrNotFound(id, "account"),
                request.issuer(),
                request.subject(),
                caller.remoteAddress());
        return Response.noContent().build();
    }

    /** The body of a privacy override: why publishing is right despite the failed check. */
    public record OverrideRequest(String justification) {}

    /**
     * Lets a synthesis whose privacy check failed be published, recorded with its justification.
     * The admin does not see the deposit's data through this.
     */
    @POST
    @Path("deposits/{id}/privacy-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response overridePrivacy(@PathParam("id") String id, String json) {
        OverrideRequest request = JsonBody.read(json, OverrideRequest.class, () -> new OverrideRequest(null));
        publishing.overridePrivacy(
                caller.account(),
                ProblemException.uuidOrNotFound(id, "deposit"),
                request.justification(),
                caller.remoteAddress());
        return Response.noContent().build();
    }

    /** The audit log, newest first, optionally of one actor or target. */
    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> audit(
            @QueryParam("actor") String actor,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return auditLog.latest(
                actor == null ? null : ProblemException.uuidOrNotFound(actor, "account"), targetType, targetId, limit);
    }

    /** Re-reads the whole store: every file opens, authenticates and matches its checksum. */
    @POST
    @Path("storage/fixity-audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> fixityAudit() throws IOException {
        StoreAudit.FixityReport report = store.fixity();
        recordAudit(
                "store.fixity-audit",
                report.intact() ? "intact" : report.findings().size() + " findings");
        return StoreAudit.view(report);
    }

    /** Wraps every private file's data key with the current master key (after adding a new one). */
    @POST
    @Path("storage/rewrap")
    @Produces(MediaType.APPLICATION_JSON)
    public StoreAudit.RewrapReport rewrap() throws IOException {
        StoreAudit.RewrapReport report = store.rewrap();
        recordAudit("store.rewrap", report.rewrapped() + " rewrapped under " + report.currentKey());
        return report;
    }

    /**
     * Removes the files no record points at (what crashes leave) once older than the grace period,
     * 60 minutes unless {@code graceMinutes} says otherwise (0 to 10080); writes in progress on
     * any node are younger than that.
     */
    @POST
    @Path("storage/sweep")
    @Produces(MediaType.APPLICATION_JSON)
    public StoreAudit.SweepReport sweep(@QueryParam("graceMinutes") @DefaultValue("60") int graceMinutes)
            throws IOException {
        if (graceMinutes < 0 || graceMinutes > 10080) {
            throw ProblemException.badRequest("graceMinutes must be between 0 and 10080");
        }
        StoreAudit.SweepReport report = store.sweep(clock.now().minus(java.time.Duration.ofMinutes(graceMinutes)));
        recordAudit(
                "store.sweep",
                report.privateRemoved() + " private, " + report.publicRemoved() + " public, " + report.scratchRemoved()
                        + " scratch files removed");
        return report;
    }

    /**
     * Rebuilds the search index from the database into a new index and moves the alias to it
     * (searches go on meanwhile, on the old one).
     */
    @POST
    @Path("search/reindex")
    @Produces(MediaType.APPLICATION_JSON)
    public org.facsimile.web.search.SearchMaintenance.Report reindex() {
        org.facsimile.web.search.SearchMaintenance.Report report;
        try {
            report = searchMaintenance.rebuild();
        } catch (ProblemException e) {
            throw e; // another node is rebuilding it
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(
                    503, "search-unavailable", "Search unavailable", "Elasticsearch could not be reached; try again");
        }
        auditLog.recordNow(
                caller.account().id(),
                "search.reindex",
                "search",
                report.index(),
                report.documents() + " documents",
                caller.remoteAddress());
        return report;
    }

    private void recordAudit(String action, String detail) {
        auditLog.recordNow(caller.account().id(), action, "store", "private", detail, caller.remoteAddress());
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String json) {
        AccountRequest request = JsonBody.read(json, AccountRequest.class);
        AccountService.NewAccount created = accounts.create(
                caller.account(),
                request.username(),
                request.displayName(),
                request.email(),
                request.role(),
                request.password(),
                caller.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", created.account().id().toString());
        body.put("username", created.account().username());
        body.put("role", created.account().role().name());
        body.put("token", created.token());
        return Response.status(201).entity(body).build();
    }
}
