package org.facsimile.web.storage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.Clock;
import org.facsimile.web.platform.ProblemException;

/**
 * The store's admin acts, each audited: {@code POST /api/admin/storage/fixity-audit},
 * {@code /rewrap} and {@code /sweep} check the store, rotate keys and remove what crashes left.
 */
@Path("api/admin/storage")
@RequestScoped
@Secured(Scope.ADMIN)
@Tag(name = "Administration")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class StoreAdminResource {

    @Inject
    Caller caller;

    @Inject
    AuditLog auditLog;

    @Inject
    StoreAudit store;

    @Inject
    Clock clock;

    /** Re-reads the whole store: every file opens, authenticates and matches its checksum. */
    @Operation(summary = "Re-read the whole store: every file opens, authenticates and matches its checksum")
    @POST
    @Path("fixity-audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> fixityAudit() throws IOException {
        StoreAudit.FixityReport report = store.fixity();
        recordAudit(
                "store.fixity-audit",
                report.intact() ? "intact" : report.findings().size() + " findings");
        return StoreAudit.view(report);
    }

    /** Wraps every private file's data key with the current master key (after adding a new one). */
    @Operation(summary = "Wrap every private file's key with the current master key")
    @POST
    @Path("rewrap")
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
    @Operation(summary = "Remove the files no record points at, older than the grace period")
    @POST
    @Path("sweep")
    @Produces(MediaType.APPLICATION_JSON)
    public StoreAudit.SweepReport sweep(@QueryParam("graceMinutes") @DefaultValue("60") int graceMinutes)
            throws IOException {
        if (graceMinutes < 0 || graceMinutes > 10080) {
            throw ProblemException.badRequest("graceMinutes must be between 0 and 10080");
        }
        StoreAudit.SweepReport report = store.sweep(clock.now().minus(Duration.ofMinutes(graceMinutes)));
        recordAudit(
                "store.sweep",
                report.privateRemoved() + " private, " + report.publicRemoved() + " public, " + report.scratchRemoved()
                        + " scratch files removed");
        return report;
    }

    private void recordAudit(String action, String detail) {
        auditLog.recordNow(caller.account().id(), action, "store", "private", detail, caller.remoteAddress());
    }
}
