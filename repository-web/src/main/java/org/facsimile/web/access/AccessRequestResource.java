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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.Scope;
import org.facsimile.web.account.Secured;
import org.facsimile.web.deposit.DepositFile;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.storage.BlobStore;

/**
 * {@code /api/access-requests}: asking for the restricted original of a published twin, deciding,
 * and downloading it while a grant lasts ({@link AccessRequests}). The original comes as a zip of
 * the deposited tables, decrypted as they stream, with a manifest naming the grant (who, what for,
 * until when, the agreement accepted, each file's SHA-256), so any copy says whose it was; it is
 * never written to the public area or cached.
 */
@Path("api/access-requests")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access to originals")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class AccessRequestResource {

    /** A request for a dataset's original: its version (the latest when left out) and why. */
    public record AskRequest(String dataset, String version, String purpose, Boolean acceptAgreement) {}

    /** A decision's note (a grant) or reason (a refusal, a revocation). */
    public record Decision(String reason) {}

    @Inject
    Caller caller;

    @Inject
    AccessRequests requests;

    @Inject
    BlobStore blobs;

    @Operation(summary = "Ask for the original of a published twin, saying what for and accepting its agreement")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AskRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The request, pending a decision",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AccessRequests.View.class)))
    @POST
    @Secured({Scope.DEPOSIT, Scope.CURATE})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ask(String body) {
        AskRequest ask = JsonBody.read(body, AskRequest.class);
        if (ask.dataset() == null) {
            throw ProblemException.invalidField(
                    "invalid-request", "Invalid access request", "$.dataset", "the dataset's id is required");
        }
        AccessRequest made = requests.ask(
                caller.credential(),
                ask.dataset(),
                ask.version(),
                ask.purpose(),
                Boolean.TRUE.equals(ask.acceptAgreement()),
                caller.remoteAddress());
        return Response.created(URI.create("/api/access-requests/" + made.id()))
                .entity(requests.views(List.of(made)).get(0))
                .build();
    }

    @Operation(summary = "The caller's requests; with deciding=true, the requests the caller decides")
    @GET
    public List<AccessRequests.View> list(@QueryParam("deciding") boolean deciding) {
        return requests.views(deciding ? requests.deciding(caller.credential()) : requests.mine(caller.credential()));
    }

    @Operation(summary = "One request, for its requester or its deciders")
    @GET
    @Path("{id}")
    public AccessRequests.View get(@PathParam("id") String id) {
        return requests.views(List.of(requests.get(caller.credential(), uuid(id))))
                .get(0);
    }

    @Operation(summary = "Grant a pending request (its deciders); the optional reason is a note to the requester")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    @POST
    @Path("{id}/grant")
    @Secured({Scope.DEPOSIT, Scope.CURATE})
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessRequests.View grant(@PathParam("id") String id, String body) {
        return decide(id, body, requests::grant);
    }

    @Operation(summary = "Refuse a pending request, saying why (its deciders)")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    @POST
    @Path("{id}/refuse")
    @Secured({Scope.DEPOSIT, Scope.CURATE})
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessRequests.View refuse(@PathParam("id") String id, String body) {
        return decide(id, body, requests::refuse);
    }

    @Operation(summary = "End a grant before it expires, saying why (its deciders)")
    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    @POST
    @Path("{id}/revoke")
    @Secured({Scope.DEPOSIT, Scope.CURATE})
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessRequests.View revoke(@PathParam("id") String id, String body) {
        return decide(id, body, requests::revoke);
    }

    @Operation(summary = "Take back a request not yet decided (its requester)")
    @POST
    @Path("{id}/withdraw")
    public AccessRequests.View withdraw(@PathParam("id") String id) {
        return view(requests.withdraw(caller.credential(), uuid(id), caller.remoteAddress()));
    }

    @Operation(summary = "The original, while the grant lasts (its requester): a zip with the grant's manifest")
    @APIResponse(
            responseCode = "200",
            description = "The deposited tables and ACCESS-GRANT.txt",
            content = @Content(mediaType = "application/zip"))
    @GET
    @Path("{id}/original.zip")
    @Produces("application/zip")
    public Response original(@PathParam("id") String id) {
        AccessRequests.Original original = requests.original(caller.credential(), uuid(id), caller.remoteAddress());
        String manifest = GrantManifest.text(original, caller.account());
        StreamingOutput body = out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(GrantManifest.NAME));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (DepositFile file : original.files()) {
                zip.putNextEntry(new ZipEntry(file.fileName()));
                try (InputStream in = blobs.open(BlobStore.Area.PRIVATE, file.storageKey())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
        };
        return Response.ok(body, "application/zip")
                .header("Cache-Control", "no-store")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"original-" + original.request().datasetId() + "-grant-"
                                + original.request().id() + ".zip\"")
                .build();
    }

    /** One of the deciders' acts: what {@link AccessRequests} does with the request and a reason. */
    @FunctionalInterface
    private interface Act {
        AccessRequest on(Credential decider, UUID request, String reason, String from);
    }

    /**
     * A decision: the request must be the caller's to see (404) before its body is read; the act
     * itself checks that the caller decides it.
     */
    private AccessRequests.View decide(String id, String body, Act act) {
        UUID request = uuid(id);
        requests.get(caller.credential(), request);
        Decision d = JsonBody.read(body, Decision.class, () -> new Decision(null));
        return view(act.on(caller.credential(), request, d.reason(), caller.remoteAddress()));
    }

    private AccessRequests.View view(AccessRequest r) {
        return requests.views(List.of(r)).get(0);
    }

    private static UUID uuid(String id) {
        return ProblemException.idOrNotFound("access request", id);
    }
}
