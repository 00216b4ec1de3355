package org.facsimile.web.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.synth.analysis.Analysis;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;

/**
 * {@code /api/analyses}: verified analyses of the original behind a published twin ({@link
 * VerifiedAnalyses}). A reader declares one; a worker runs it on the original and the twin; the
 * reader polls it until it is RELEASED (the original's result, checked for disclosure, beside the
 * twin's), REFUSED (the rule it broke) or FAILED.
 */
@Path("api/analyses")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access to originals")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class AnalysisResource {

    /**
     * A verified analysis as a reader submits it.
     *
     * @param dataset the dataset's id
     * @param version its version (the latest when left out)
     * @param table the table's CSV file, as the landing page lists it
     * @param analysis what to compute
     */
    public record SubmitRequest(String dataset, String version, String table, Analysis analysis) {}

    @Inject
    Caller caller;

    @Inject
    VerifiedAnalyses analyses;

    @Operation(
            summary = "Run a declared analysis on the original behind a published twin: counts, means, quantiles,"
                    + " cross-tabulations, linear and logistic regressions; released only if it passes the"
                    + " depositor's disclosure rules, beside the same analysis on the twin")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubmitRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted: queued for a worker; GET its Location until it is no longer QUEUED or RUNNING",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = VerifiedAnalyses.View.class)))
    @POST
    @Secured({Scope.DEPOSIT, Scope.CURATE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(String body) {
        SubmitRequest request = JsonBody.read(body, SubmitRequest.class);
        if (request.dataset() == null) {
            throw ProblemException.invalidField(
                    "invalid-analysis", "Invalid analysis", "$.dataset", "the dataset's id is required");
        }
        if (request.analysis() == null) {
            throw ProblemException.invalidField(
                    "invalid-analysis", "Invalid analysis", "$.analysis", "say what to compute");
        }
        VerifiedAnalysis made = analyses.submit(
                caller.credential(),
                request.dataset(),
                request.version(),
                request.table(),
                request.analysis(),
                caller.remoteAddress());
        return Response.accepted(analyses.views(List.of(made)).get(0))
                .location(URI.create("/api/analyses/" + made.id()))
                .build();
    }

    @Operation(
            summary = "The caller's analyses; with deposit={id}, the analyses of that deposit's original (its owner)")
    @GET
    public List<VerifiedAnalyses.View> list(@QueryParam("deposit") String deposit) {
        return analyses.views(
                deposit == null
                        ? analyses.mine(caller.credential())
                        : analyses.ofDeposit(caller.credential(), ProblemException.idOrNotFound("deposit", deposit)));
    }

    @Operation(summary = "One analysis, for its submitter or the deposit's owner")
    @GET
    @Path("{id}")
    public VerifiedAnalyses.View get(@PathParam("id") String id) {
        return analyses.views(List.of(analyses.get(caller.credential(), ProblemException.idOrNotFound("analysis", id))))
                .get(0);
    }
}
