package org.facsimile.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.AuditLog;
import org.facsimile.web.platform.ProblemException;

/** {@code POST /api/admin/search/reindex}: an admin rebuilds the search index, audited. */
@Path("api/admin/search/reindex")
@RequestScoped
@Secured(Scope.ADMIN)
@Tag(name = "Administration")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class SearchAdminResource {

    @Inject
    Caller caller;

    @Inject
    AuditLog auditLog;

    @Inject
    SearchMaintenance searchMaintenance;

    /**
     * Rebuilds the search index from the database into a new index and moves the alias to it
     * (searches go on meanwhile, on the old one).
     */
    @Operation(summary = "Rebuild the search index from the database; searches go on meanwhile")
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public SearchMaintenance.Report reindex() {
        SearchMaintenance.Report report;
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
}
