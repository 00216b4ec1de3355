package org.facsimile.web.deposit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.Problem;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.platform.Templates;
import org.facsimile.web.synthesis.JobSettings;

/**
 * The depositor's pages, plain HTML forms that work without JavaScript:
 *
 * <ul>
 *   <li>{@code /deposits}: their deposits with where each stands, newest first;
 *   <li>{@code /deposits/new}: the dataset's description (title, description, creators, keywords,
 *       subjects, licence), each problem shown at its field, what was typed kept;
 *   <li>{@code /deposits/{id}}: the deposit: its description, its tables (upload several CSV files
 *       at once; each table's inferred columns, with the direct identifiers profiling marked), the
 *       synthesis settings and run, its progress (the page refreshes itself while it runs), the
 *       privacy verdict and report, and publishing;
 * </ul>
 *
 * The same services as the API; every form carries the session's CSRF token.
 *
 * <p>Why one long class: as for the API ({@link DepositResource}), every {@code /deposits/{id}/...}
 * route of the deposit's own forms belongs to one root resource; the markup is in the templates,
 * the reading of the columns form in {@link SchemaForm}, the page itself in {@link DepositPage}.
 */
@Path("deposits")
@RequestScoped
public class DepositPages {

    /** Each state in words a depositor reads. */
    static final Map<DepositState, String> STATES = Map.of(
            DepositState.DRAFT, "draft",
            DepositState.SUBMITTED, "queued for synthesis",
            DepositState.SYNTHESIZING, "synthesizing",
            DepositState.READY_FOR_REVIEW, "ready for your review",
            DepositState.IN_REVIEW, "with a curator",
            DepositState.PUBLISHED, "published",
            DepositState.REJECTED, "declined by a curator",
            DepositState.FAILED, "synthesis failed",
            DepositState.WITHDRAWN, "withdrawn");

    @Inject
    DepositService deposits;

    @Inject
    PageSession session;

    @Inject
    FileIntake intake;

    @Inject
    CsvwImport csvwImport;

    @Inject
    SchemaChange schemas;

    @Inject
    DepositPage page;

    @Inject
    Uploads uploads;

    private static final String HTML = DepositPage.HTML;

    /** Job settings are stored as the API stores them. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    @GET
    @Produces(HTML)
    public Response page() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits");
        }
        List<DepositRow> mine = deposits.list(session.current().get()).stream()
                .map(DepositRow::of)
                .toList();
        Map<String, Object> model =
                Map.of("frame", Page.frame("My deposits", Page.Section.DEPOSITS, session.name()), "deposits", mine);
        return Response.ok(Templates.render("deposits.jte", model)).build();
    }

    @GET
    @Path("new")
    @Produces(HTML)
    public Response newDeposit() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/new");
        }
        return describePage(200, "New deposit", MetadataForm.empty(), Map.of(), null);
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response create(
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("title") String title,
            @FormParam("description") String description,
            @FormParam("creators") String creators,
            @FormParam("keywords") String keywords,
            @FormParam("subjects") List<String> subjects,
            @FormParam("licence") String licence,
            @FormParam("temporalStart") String temporalStart,
            @FormParam("temporalEnd") String temporalEnd,
            @FormParam("spatial") String spatial,
            @FormParam("embargoUntil") String embargoUntil,
            @FormParam("embargoReason") String embargoReason) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/new");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        MetadataForm form = new MetadataForm(
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                temporalStart,
                temporalEnd,
                spatial,
                embargoUntil,
                embargoReason);
        try {
            Deposit deposit = deposits.create(session.current().get(), form.metadata(), session.remoteAddress());
            return Response.seeOther(URI.create("/deposits/" + deposit.id())).build();
        } catch (ProblemException e) {
            return describePage(422, "New deposit", form, MetadataForm.byField(e), null);
        }
    }

    @GET
    @Path("{id}/metadata")
    @Produces(HTML)
    public Response editMetadata(@PathParam("id") String id) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id + "/metadata");
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        Deposit deposit = deposits.readable(session.current().get(), depositId);
        if (deposit.state() != DepositState.DRAFT) {
            return page.render(
                    409,
                    depositId,
                    "Only a draft's description can change; this deposit is "
                            + STATES.getOrDefault(
                                    deposit.state(), deposit.state().name()) + ".",
                    null);
        }
        return describePage(200, "Describe the dataset", MetadataForm.of(deposit.metadata()), Map.of(), depositId);
    }

    @POST
    @Path("{id}/metadata")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response saveMetadata(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("title") String title,
            @FormParam("description") String description,
            @FormParam("creators") String creators,
            @FormParam("keywords") String keywords,
            @FormParam("subjects") List<String> subjects,
            @FormParam("licence") String licence,
            @FormParam("temporalStart") String temporalStart,
            @FormParam("temporalEnd") String temporalEnd,
            @FormParam("spatial") String spatial,
            @FormParam("embargoUntil") String embargoUntil,
            @FormParam("embargoReason") String embargoReason) {
        Response refused = refusedPost(() -> PageSession.signInAgain("/deposits/" + id + "/metadata"), id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        Deposit deposit = deposits.readable(session.current().get(), depositId);
        MetadataForm form = new MetadataForm(
                title,
                description,
                creators,
                keywords,
                subjects,
                licence,
                temporalStart,
                temporalEnd,
                spatial,
                embargoUntil,
                embargoReason);
        try {
            // the public source's URL is not on the form: it stays as the API set it
            deposits.describe(
                    session.current().get(),
                    depositId,
                    form.metadata(deposit.metadata().sourceUrl()),
                    session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            if (e.status() == 409) {
                return page.render(409, depositId, e.toProblem().detail(), null);
            }
            return describePage(422, "Describe the dataset", form, MetadataForm.byField(e), depositId);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    @GET
    @Path("{id}")
    @Produces(HTML)
    public Response deposit(@PathParam("id") String id) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        // the read is audited, as the API's is
        deposits.get(session.current().get(), depositId, session.remoteAddress());
        return page.render(200, depositId, null, null);
    }

    @POST
    @Path("{id}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(HTML)
    public Response upload(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("encoding") String encoding,
            @FormParam("files") List<EntityPart> files) {
        Response refused = refusedPost(() -> PageSession.signInFirst("/deposits/" + id), id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        List<String> accepted = new ArrayList<>();
        for (EntityPart part : files == null ? List.<EntityPart>of() : files) {
            String name = part.getFileName().orElse("");
            if (name.isEmpty()) {
                continue;
            }
            try (InputStream in = part.getContent()) {
                intake.accept(
                        session.current().get(), depositId, name, charset(part, encoding), in, session.remoteAddress());
                accepted.add(name);
            } catch (ProblemException e) {
                return page.render(e.status(), depositId, null, uploadProblem(name, e, accepted));
            } catch (IOException e) {
                return page.render(400, depositId, null, name + ": the upload broke off; send the file again");
            }
        }
        if (accepted.isEmpty()) {
            return page.render(
                    422, depositId, null, "Choose one or more CSV files, or a JSON document of records, to upload.");
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response submit(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("synthesizer") String synthesizer,
            @FormParam("trainingSeconds") String trainingSeconds,
            @FormParam("sampleRows") String sampleRows,
            @FormParam("epsilon") String epsilon) {
        Response refused = refusedPost(() -> PageSession.signInAgain("/deposits/" + id), id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        Double seconds;
        try {
            seconds = trainingSeconds == null || trainingSeconds.isBlank() ? null : Double.valueOf(trainingSeconds);
        } catch (NumberFormatException e) {
            return page.render(422, depositId, "The time budget must be a number of seconds.", null);
        }
        Long rows;
        try {
            rows = sampleRows == null || sampleRows.isBlank() ? null : Long.valueOf(sampleRows.strip());
        } catch (NumberFormatException e) {
            return page.render(
                    422,
                    depositId,
                    "Rows to generate must be a whole number, or empty for as many as" + " the input has.",
                    null);
        }
        JobSettings.Privacy privacy;
        try {
            privacy = epsilon == null || epsilon.isBlank()
                    ? null
                    : new JobSettings.Privacy(Double.valueOf(epsilon.strip()), null, null, null, null);
        } catch (NumberFormatException e) {
            return page.render(422, depositId, "Epsilon must be a number, such as 4.", null);
        }
        JobSettings settings;
        try {
            settings = new JobSettings(synthesizer, null, rows, null, null, null, seconds, null, privacy)
                    .complete(JobSettings.Limits.configured());
        } catch (IllegalArgumentException e) {
            return page.render(422, depositId, e.getMessage(), null);
        }
        try {
            DepositResource.checkPrivacy(
                    settings, deposits.files(session.current().get(), depositId));
            deposits.submit(session.current().get(), depositId, JSONB.toJson(settings), session.remoteAddress());
        } catch (ProblemException e) {
            // a second click, or a deposit no longer a draft: the page shows where it stands
            return page.refused(e, depositId);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    @POST
    @Path("{id}/csvw")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(HTML)
    public Response importCsvw(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("csvw") EntityPart csvw) {
        Response refused = refusedPost(() -> PageSession.signInFirst("/deposits/" + id), id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (csvw == null || csvw.getFileName().orElse("").isEmpty()) {
            return page.render(422, depositId, "Choose a CSVW metadata file (csv-metadata.json) to import.", null);
        }
        String json;
        try (InputStream in = csvw.getContent()) {
            // a metadata document is small; more than a megabyte is not one
            byte[] bytes = in.readNBytes(1_048_577);
            if (bytes.length > 1_048_576) {
                return page.render(413, depositId, "A CSVW metadata file is at most 1 MiB.", null);
            }
            json = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return page.render(400, depositId, "The upload broke off; send the file again.", null);
        }
        try {
            csvwImport.apply(session.current().get(), depositId, json, session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Problem p = e.toProblem();
            String where = p.errors() == null || p.errors().isEmpty()
                    ? ""
                    : " ("
                            + Stream.of(
                                            p.errors().get(0).file(),
                                            p.errors().get(0).pointer())
                                    .filter(Objects::nonNull)
                                    .collect(Collectors.joining(", "))
                            + ")";
            return page.render(
                    e.status(), depositId, "The CSVW metadata was not imported: " + p.detail() + where, null);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    /**
     * The depositor erases the private input of a published or withdrawn deposit, having ticked
     * that it cannot be undone; the published synthetic data stays.
     */
    @POST
    @Path("{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response erase(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("understood") String understood) {
        Response refused = refusedPost(() -> PageSession.signInAgain("/deposits/" + id), id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (understood == null) {
            deposits.readable(session.current().get(), depositId);
            return page.render(
                    422, depositId, "Tick that erasing cannot be undone, then erase the private input.", null);
        }
        try {
            List<String> keys = deposits.erase(session.current().get(), depositId, session.remoteAddress());
            keys.forEach(uploads::deleteQuietly);
        } catch (ProblemException e) {
            return page.refused(e, depositId);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response withdraw(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("reason") String reason) {
        Response refused = refusedPost(() -> PageSession.signInAgain("/deposits/" + id), id, csrf);
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        try {
            deposits.withdraw(session.current().get(), depositId, reason, session.remoteAddress());
        } catch (ProblemException e) {
            return page.refused(e, depositId);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    @POST
    @Path("{id}/files/{name}/schema")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response schema(
            @PathParam("id") String id, @PathParam("name") String name, MultivaluedMap<String, String> form) {
        Response refused = refusedPost(
                () -> PageSession.signInAgain("/deposits/" + id), id, form.getFirst(PageSession.CSRF_FIELD));
        if (refused != null) {
            return refused;
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        Credential me = session.current().get();
        DepositFile file = deposits.file(me, depositId, name);
        CsvwTable declared = SchemaForm.read(file.schema(), form);
        try {
            schemas.apply(me, depositId, file, declared, session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return page.render(
                    e.status(), depositId, null, null, declared, e.toProblem().detail());
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    /**
     * What a form post on a deposit answers before its form is read, or null when it may go on, in
     * this order: {@code signIn} (the route's own way back) for no session, 404 for an id that is
     * no deposit's, the refused-form page for a token that is not this session's.
     */
    private Response refusedPost(Supplier<Response> signIn, String id, String csrf) {
        if (session.current().isEmpty()) {
            return signIn.get();
        }
        ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        return null;
    }

    /**
     * An upload's refusal as the page says it: the file, what is wrong, where (row and column,
     * unless the message already names its line), and what was uploaded before it.
     */
    static String uploadProblem(String name, ProblemException e, List<String> accepted) {
        String detail = e.toProblem().detail();
        StringBuilder message = new StringBuilder(name).append(": ").append(detail);
        if (e.toProblem().errors() != null && !detail.matches("(?s).*\\bline \\d.*")) {
            for (Problem.Where w : e.toProblem().errors()) {
                if (w.row() != null || w.column() != null) {
                    message.append(" (")
                            .append(w.row() != null ? "row " + w.row() : "")
                            .append(w.row() != null && w.column() != null ? ", " : "")
                            .append(w.column() != null ? "column " + w.column() : "")
                            .append(")");
                    break;
                }
            }
        }
        if (!accepted.isEmpty()) {
            message.append(". Uploaded before it: ")
                    .append(String.join(", ", accepted))
                    .append('.');
        }
        return message.toString();
    }

    /**
     * The encodings a depositor can choose for files without a declared charset (a browser never
     * declares one): the page's list, by charset name.
     */
    static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-15", "UTF-16", "x-MacRoman");

    /** A part's declared charset, else the encoding chosen in the form (one of the list), else UTF-8. */
    static Charset charset(EntityPart part, String chosen) {
        String charset = part.getMediaType() == null
                ? null
                : part.getMediaType().getParameters().get("charset");
        if (charset == null && chosen != null && ENCODINGS.contains(chosen)) {
            charset = chosen;
        }
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The description form: for a new deposit, or to edit the draft {@code editing}. */
    private Response describePage(
            int status, String title, MetadataForm form, Map<String, String> errors, UUID editing) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", Page.frame(title, Page.Section.DEPOSITS, session.name()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("editing", editing == null ? null : editing.toString());
        model.put("csrf", session.csrf());
        return Response.status(status)
                .entity(Templates.render("describe.jte", model))
                .type(HTML)
                .build();
    }
}
