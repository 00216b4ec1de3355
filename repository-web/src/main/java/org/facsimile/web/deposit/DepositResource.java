package org.facsimile.web.deposit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.synth.nested.NestedDocument;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Secured;
import org.facsimile.web.deposit.DepositViews.DepositView;
import org.facsimile.web.deposit.DepositViews.JobView;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.JsonBody;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.RequestEdge;
import org.facsimile.web.platform.Setting;
import org.facsimile.web.schema.TableSchemas;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.synthesis.JobSettings;
import org.facsimile.web.synthesis.SynthesisJob;
import org.facsimile.web.synthesis.SynthesisJobEvent;
import org.facsimile.web.synthesis.SynthesisJobHandler;

/**
 * The deposit API, {@code /api/deposits}: create, describe, upload tables, correct their schemas,
 * submit for synthesis, follow the job, read the report (publishing: {@code review.PublicationResource}). Private: token required, and
 * only the owner sees a deposit.
 *
 * <p>Why one long class: JAX-RS sends every {@code /api/deposits/{id}/...} request to the root
 * resource with the most literal path, so a second class at {@code api/deposits/{id}} would take
 * all of them; the work is in the services, and a third of the lines are the OpenAPI annotations.
 */
@Path("api/deposits")
@RequestScoped
@Secured
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deposits")
@SecurityRequirement(name = ApiDocument.TOKEN)
@SecurityRequirement(name = ApiDocument.SESSION)
public class DepositResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Caller caller;

    @Inject
    DepositService deposits;

    @Inject
    Uploads uploads;

    @Inject
    BlobStore blobs;

    @Inject
    FileIntake intake;

    @Inject
    CsvwImport csvwImport;

    @Inject
    SchemaChange schemas;

    @Inject
    ProgressStream progress;

    @PersistenceContext(unitName = "facsimile")
    EntityManager em;

    @Operation(summary = "Create a deposit: a draft with its description")
    @RequestBody(
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = DepositMetadata.class)))
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepositView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        DepositMetadata metadata = JsonBody.read(body, DepositMetadata.class);
        Deposit deposit = deposits.create(caller.credential(), metadata, caller.remoteAddress());
        return Response.created(URI.create("/api/deposits/" + deposit.id()))
                .entity(DepositView.of(deposit, List.of()))
                .build();
    }

    @Operation(summary = "The caller's deposits")
    @GET
    public List<DepositView> list() {
        return deposits.list(caller.credential()).stream()
                .map(d -> DepositView.of(d, null))
                .toList();
    }

    @Operation(summary = "One deposit with its tables")
    @GET
    @Path("{id}")
    public DepositView get(@PathParam("id") String id) {
        UUID depositId = uuid(id);
        return DepositView.of(
                deposits.get(caller.credential(), depositId, caller.remoteAddress()),
                deposits.files(caller.credential(), depositId));
    }

    @Operation(summary = "Replace a draft's description")
    @RequestBody(
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = DepositMetadata.class)))
    @PUT
    @Path("{id}/metadata")
    @Consumes(MediaType.APPLICATION_JSON)
    public DepositView describe(@PathParam("id") String id, String body) {
        UUID depositId = uuid(id);
        // someone else's deposit is a 404 whatever the body says
        deposits.readable(caller.credential(), depositId);
        Deposit deposit = deposits.describe(
                caller.credential(), depositId, JsonBody.read(body, DepositMetadata.class), caller.remoteAddress());
        return DepositView.of(deposit, deposits.files(caller.credential(), depositId));
    }

    /**
     * Uploads (or replaces) one CSV table, or a nested JSON document of records that becomes
     * related tables (answered with the list of them); the body is the file, streamed.
     */
    @Operation(
            summary =
                    "Upload or replace a table (CSV), or a nested JSON document that becomes related tables; the body is the file")
    @RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "201", description = "The stored table and its inferred CSVW description")
    @PUT
    @Path("{id}/files/{name}")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response upload(
            @PathParam("id") String id,
            @PathParam("name") String name,
            @Context HttpHeaders headers,
            InputStream body) {
        UUID depositId = uuid(id);
        String fileName = Uploads.checkFileName(name);
        // someone else's deposit is a 404 before anything about the upload is said
        deposits.requireDraft(caller.credential(), depositId);
        long limit = Setting.UPLOAD_MAX_BYTES.getLong();
        // read as a long: HttpHeaders.getLength() is an int and fails on lengths past 2 GiB
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("Content-Length is not a number");
            }
            if (length > limit) {
                throw Uploads.tooLarge(fileName, limit);
            }
        }
        List<DepositFile> stored = intake.accept(
                caller.credential(),
                depositId,
                fileName,
                RequestEdge.charset(headers.getMediaType()),
                body,
                caller.remoteAddress());
        Deposit deposit = deposits.readable(caller.credential(), depositId);
        if (NestedDocument.isNested(fileName)) {
            // a nested document became tables: the records' table is where it lives, all are listed
            return Response.created(fileUri(depositId, stored.get(0).fileName()))
                    .entity(new DepositViews.DocumentView(
                            fileName,
                            stored.stream()
                                    .map(f -> DepositViews.FileView.of(deposit, f))
                                    .toList()))
                    .build();
        }
        return Response.created(fileUri(depositId, fileName))
                .entity(DepositViews.FileView.of(deposit, stored.get(0)))
                .build();
    }

    /** The table's CSVW description (url + tableSchema), inferred at upload or as last corrected. */
    @Operation(summary = "A table's CSVW description (W3C tabular metadata)")
    @APIResponse(responseCode = "200", description = "The CSVW table description")
    @GET
    @Path("{id}/files/{name}/schema")
    @Produces({"application/csvm+json", MediaType.APPLICATION_JSON})
    public Response schema(@PathParam("id") String id, @PathParam("name") String name) {
        return Response.ok(deposits.file(caller.credential(), uuid(id), name).tableSchema())
                .type("application/csvm+json")
                .build();
    }

    /** Corrects a table's schema: same columns as the CSV, datatypes that its values parse as. */
    @Operation(
            summary = "Correct a table's CSVW description: types, null markers, key, references, personal data, rules")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/csvm+json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "A CSVW table description (url, tableSchema)")))
    @APIResponse(responseCode = "200", description = "The saved CSVW table description")
    @PUT
    @Path("{id}/files/{name}/schema")
    @Consumes({"application/csvm+json", MediaType.APPLICATION_JSON})
    @Produces({"application/csvm+json", MediaType.APPLICATION_JSON})
    public Response changeSchema(@PathParam("id") String id, @PathParam("name") String name, String body) {
        UUID depositId = uuid(id);
        DepositFile file = deposits.file(caller.credential(), depositId, name);
        CsvwTable declared;
        try {
            // one file's description: its references to the deposit's other files are checked on saving
            declared = CsvwJson.readTable(body == null ? "" : body);
        } catch (CsvwProblem e) {
            throw new ProblemException(
                    422,
                    "invalid-csvw",
                    "Invalid CSVW metadata",
                    e.getMessage(),
                    List.of(new Problem.Where(name, null, null, e.path(), e.getMessage())));
        }
        DepositFile changed = schemas.apply(caller.credential(), depositId, file, declared, caller.remoteAddress());
        return Response.ok(changed.tableSchema()).type("application/csvm+json").build();
    }

    @Operation(summary = "Submit the deposit for synthesis, with its settings (all optional)")
    @RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobSettings.class)))
    @APIResponse(
            responseCode = "202",
            description = "The queued job",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)))
    @POST
    @Path("{id}/submit")
    public Response submit(@PathParam("id") String id, String body) {
        UUID depositId = uuid(id);
        deposits.readable(caller.credential(), depositId);
        JobSettings request = JsonBody.read(body, JobSettings.class, JobSettings::defaults);
        JobSettings settings;
        try {
            settings = request.complete(JobSettings.Limits.configured());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "invalid-settings", "Invalid settings", e.getMessage());
        }
        if (settings.conditions() != null) {
            checkConditions(settings.conditions(), deposits.files(caller.credential(), depositId));
        }
        checkPrivacy(settings, deposits.files(caller.credential(), depositId));
        SynthesisJob job =
                deposits.submit(caller.credential(), depositId, JSONB.toJson(settings), caller.remoteAddress());
        return Response.accepted(JobView.of(job, List.of()))
                .location(URI.create("/api/deposits/" + depositId + "/job"))
                .build();
    }

    /**
     * The latest job's progress as server-sent events ({@code step}, then {@code end}); a client
     * sending {@code Last-Event-ID} (or {@code ?after=}) gets only what came after that step.
     */
    @Operation(summary = "The latest synthesis's progress as server-sent events (step, then end)")
    @APIResponse(responseCode = "200", description = "An event stream")
    @GET
    @Path("{id}/job/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void jobEvents(
            @PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("after") String afterParam,
            @Context SseEventSink sink,
            @Context Sse sse) {
        UUID depositId = uuid(id);
        // no job yet, or not the caller's: a plain 404 before any stream starts
        deposits.latestJob(caller.credential(), depositId);
        // a reconnect's Last-Event-ID, else the page's "after" (the last step it showed)
        String from = lastEventId != null ? lastEventId : afterParam;
        long after = 0;
        if (from != null && from.strip().matches("[0-9]{1,18}")) {
            after = Long.parseLong(from.strip());
        }
        progress.follow(caller.credential(), depositId, after, sink, sse);
    }

    /** The latest synthesis job and its steps so far. */
    @Operation(summary = "The latest synthesis job and its steps")
    @GET
    @Path("{id}/job")
    public JobView job(@PathParam("id") String id) {
        SynthesisJob job = deposits.latestJob(caller.credential(), uuid(id));
        List<SynthesisJobEvent> events = em.createQuery(
                        "SELECT e FROM SynthesisJobEvent e WHERE e.jobId = :job ORDER BY e.id", SynthesisJobEvent.class)
                .setParameter("job", job.id())
                .getResultList();
        return JobView.of(job, events);
    }

    /** The quality and privacy report of the latest finished job. */
    @Operation(summary = "The latest synthesis's report (quality and privacy) as JSON")
    @APIResponse(responseCode = "200", description = "The report: scores and figures, never a deposited value")
    @GET
    @Path("{id}/report")
    public Response report(@PathParam("id") String id) {
        SynthesisJob job = deposits.latestJob(caller.credential(), uuid(id));
        deposits.recordRead(caller.credential(), uuid(id), "report", caller.remoteAddress());
        if (job.report() == null) {
            throw ProblemException.conflict("the synthesis has not finished (" + job.step() + ")");
        }
        return Response.ok(job.report(), MediaType.APPLICATION_JSON).build();
    }

    /** The same report as a page with charts (private: it shows binned real distributions). */
    @Operation(summary = "The latest synthesis's report as an HTML page with charts")
    @APIResponse(responseCode = "200", description = "The report page")
    @GET
    @Path("{id}/report.html")
    @Produces("text/html; charset=UTF-8")
    public Response reportPage(@PathParam("id") String id) {
        SynthesisJob job = deposits.latestJob(caller.credential(), uuid(id));
        deposits.recordRead(caller.credential(), uuid(id), "report page", caller.remoteAddress());
        if (job.resultKey() == null) {
            throw ProblemException.conflict("the synthesis has not finished (" + job.step() + ")");
        }
        String key = job.resultKey() + "/" + SynthesisJobHandler.REPORT_PAGE;
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(BlobStore.Area.PRIVATE, key)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "text/html; charset=UTF-8")
                .header(
                        "Content-Security-Policy",
                        // framed only by this site's own deposit page, which shows it inside itself
                        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** Every state the deposit has been in: when, by whom (account id), and a curator's note. */
    @Operation(summary = "Every state the deposit has been in: when, by whom, a curator's note")
    @GET
    @Path("{id}/history")
    public List<Map<String, Object>> history(@PathParam("id") String id) {
        return deposits.history(caller.credential(), uuid(id));
    }

    /** The audit trail of the deposit (who read, changed or published it): the owner's only. */
    @Operation(summary = "What was done to the deposit, by whom and when")
    @GET
    @Path("{id}/audit")
    public List<Map<String, Object>> audit(@PathParam("id") String id) {
        return deposits.auditTrail(caller.credential(), uuid(id));
    }

    /**
     * Erases the private input of a published deposit (right to erasure): the uploaded tables and
     * the synthesis' private results, model included. The public synthetic dataset stays, and so
     * does the provenance record of each input (name, size, SHA-256). Calling it again finishes an
     * erasure a crash interrupted.
     */
    @Operation(summary = "Erase the deposit's private input; what was published stays")
    @APIResponse(
            responseCode = "200",
            description = "The deposit, its input erased",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DepositView.class)))
    @DELETE
    @Path("{id}/input")
    public Response erase(@PathParam("id") String id) {
        UUID depositId = uuid(id);
        List<String> keys = deposits.erase(caller.credential(), depositId, caller.remoteAddress());
        for (String key : keys) {
            uploads.deleteQuietly(key);
        }
        return Response.ok(DepositView.of(
                        deposits.readable(caller.credential(), depositId),
                        deposits.files(caller.credential(), depositId)))
                .build();
    }

    /**
     * Imports an existing CSVW metadata document into a draft: the schemas of the tables it
     * describes (by url) and the dataset's title, description, creators and keywords.
     */
    @Operation(summary = "Describe the deposit and its tables with a W3C CSVW table group")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/csvm+json",
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "A CSVW table group or table description")))
    @PUT
    @Path("{id}/csvw")
    @Consumes({"application/csvm+json", MediaType.APPLICATION_JSON})
    public DepositView importCsvw(@PathParam("id") String id, String body) {
        UUID depositId = uuid(id);
        csvwImport.apply(caller.credential(), depositId, body == null ? "" : body, caller.remoteAddress());
        return DepositView.of(
                deposits.readable(caller.credential(), depositId), deposits.files(caller.credential(), depositId));
    }

    /** What a depositor may say when withdrawing a deposit. */
    public record WithdrawRequest(String reason) {}

    /**
     * Withdraws a deposit before publication ({@code {"reason": "..."}} optional): it is closed,
     * nothing of it is published, and its input may then be erased. 409 while its synthesis runs
     * and once published.
     */
    @Operation(summary = "Withdraw the deposit before publication, saying why")
    @RequestBody(
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = WithdrawRequest.class)))
    @POST
    @Path("{id}/withdraw")
    public DepositView withdraw(@PathParam("id") String id, String body) {
        UUID depositId = uuid(id);
        deposits.readable(caller.credential(), depositId);
        WithdrawRequest request = JsonBody.read(body, WithdrawRequest.class, () -> new WithdrawRequest(null));
        Deposit deposit = deposits.withdraw(caller.credential(), depositId, request.reason(), caller.remoteAddress());
        return DepositView.of(deposit, deposits.files(caller.credential(), depositId));
    }

    /** A privacy budget covers one table's rows; a deposit with references between tables is refused. */
    static void checkPrivacy(JobSettings settings, List<DepositFile> files) {
        if (settings.differentialPrivacy() == null) {
            return;
        }
        for (DepositFile f : files) {
            if (!f.schema().foreignKeys().isEmpty()) {
                throw new ProblemException(
                        422,
                        "invalid-settings",
                        "Invalid settings",
                        "differential privacy is not yet available for related tables (" + f.fileName()
                                + " has foreign keys): one person's rows span tables");
            }
        }
    }

    private static void checkConditions(JobSettings.Conditional conditions, List<DepositFile> files) {
        List<DepositFile> named = conditions.table() == null
                ? files
                : files.stream()
                        .filter(f -> f.fileName().equals(conditions.table()))
                        .toList();
        if (named.size() != 1) {
            String detail = conditions.table() == null
                    ? "the deposit has " + files.size() + " tables: name the one to condition in conditions.table"
                    : "the deposit has no table " + conditions.table();
            throw new ProblemException(422, "invalid-settings", "Invalid settings", detail);
        }
        DepositFile file = named.get(0);
        try {
            for (DepositFile f : files) {
                CsvwTable declared = f.schema();
                if (!declared.foreignKeys().isEmpty() || declared.nestedShape() != null) {
                    throw new ProblemException(
                            422,
                            "invalid-settings",
                            "Invalid settings",
                            "conditional generation (seed rows, rebalancing) cannot yet be combined with related"
                                    + " tables; " + f.fileName()
                                    + (declared.nestedShape() == null
                                            ? " has foreign keys"
                                            : " holds the records of a nested document"));
                }
            }
            CsvwTable table = file.schema();
            conditions.engine().check(TableSchemas.resolve(table, TableSchemas.declaredSpec(table, file.fileName())));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    422,
                    "invalid-settings",
                    "Invalid settings",
                    file.fileName() + ": " + e.getMessage(),
                    List.of(new Problem.Where(file.fileName(), null, null, "$.conditions", e.getMessage())));
        }
    }

    /** Where a deposit's file is, its name escaped as a path segment (it may hold spaces). */
    private static URI fileUri(UUID depositId, String fileName) {
        return UriBuilder.fromPath("/api/deposits/{id}/files/{name}").build(depositId, fileName);
    }

    private static UUID uuid(String id) {
        return ProblemException.idOrNotFound("deposit", id);
    }
}
