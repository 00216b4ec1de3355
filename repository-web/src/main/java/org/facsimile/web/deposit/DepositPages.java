package org.facsimile.web.deposit;

import static org.facsimile.synth.report.Html.esc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.facsimile.synth.table.PersonalData;
import org.facsimile.vocab.csvw.CsvwColumn;
import org.facsimile.vocab.csvw.CsvwJson;
import org.facsimile.vocab.csvw.CsvwProblem;
import org.facsimile.vocab.csvw.CsvwTable;
import org.facsimile.vocab.terms.DataTheme;
import org.facsimile.web.account.Credential;
import org.facsimile.web.account.PageSession;
import org.facsimile.web.platform.Page;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.synthesis.JobSettings;
import org.facsimile.web.synthesis.SynthesisJob;
import org.facsimile.web.synthesis.SynthesisJobEvent;

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
 *       privacy verdict and report, and publishing.
 * </ul>
 *
 * The same services as the API; every form carries the session's CSRF token.
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
    org.facsimile.web.publishing.PublishService publishing;

    private static final String HTML = "text/html; charset=UTF-8";

    /** Job settings are stored as the API stores them. */
    private static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();

    @GET
    @Produces(HTML)
    public Response page() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits");
        }
        List<Deposit> mine = deposits.list(session.current().get());
        StringBuilder html =
                new StringBuilder("<h1>My deposits</h1>\n<p><a href=\"/deposits/new\">New deposit</a></p>\n");
        if (mine.isEmpty()) {
            html.append("<p>No deposits yet.</p>\n");
        } else {
            html.append("<table><caption class=\"skip\">Your deposits, newest first</caption><thead><tr>")
                    .append("<th scope=\"col\">Title</th><th scope=\"col\">State</th><th scope=\"col\">Created</th>")
                    .append("<th scope=\"col\">Last change</th><th scope=\"col\">Next</th></tr></thead><tbody>");
            for (Deposit d : mine) {
                html.append("<tr><td><a href=\"/deposits/")
                        .append(d.id())
                        .append("\">")
                        .append(esc(d.metadata().title()))
                        .append("</a>")
                        .append(d.versionOf() != null ? " <span class=\"state\">new version</span>" : "")
                        .append("</td><td><span class=\"state\">")
                        .append(esc(STATES.getOrDefault(d.state(), d.state().name())))
                        .append("</span></td><td>")
                        .append(Page.DATE.format(d.createdAt()))
                        .append("</td><td>")
                        .append(Page.DATE.format(d.updatedAt()))
                        .append("</td><td>")
                        .append(next(d))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>\n");
        }
        return Response.ok(Page.render("My deposits", Page.Section.DEPOSITS, session.name(), html.toString()))
                .build();
    }

    @GET
    @Path("new")
    @Produces(HTML)
    public Response newDeposit() {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/new");
        }
        return page(200, "New deposit", metadataForm(MetadataForm.empty(), Map.of(), null));
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
            @FormParam("spatial") String spatial) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/new");
        }
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        MetadataForm form = new MetadataForm(
                title, description, creators, keywords, subjects, licence, temporalStart, temporalEnd, spatial);
        try {
            Deposit deposit = deposits.create(session.current().get(), form.metadata(), session.remoteAddress());
            return Response.seeOther(URI.create("/deposits/" + deposit.id())).build();
        } catch (ProblemException e) {
            return page(422, "New deposit", metadataForm(form, MetadataForm.byField(e), null));
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
            return depositPage(
                    409,
                    depositId,
                    "Only a draft's description can change; this deposit is "
                            + STATES.getOrDefault(
                                    deposit.state(), deposit.state().name()) + ".",
                    null);
        }
        return page(
                200, "Describe the dataset", metadataForm(MetadataForm.of(deposit.metadata()), Map.of(), depositId));
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
            @FormParam("spatial") String spatial) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/" + id + "/metadata");
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        Deposit deposit = deposits.readable(session.current().get(), depositId);
        MetadataForm form = new MetadataForm(
                title, description, creators, keywords, subjects, licence, temporalStart, temporalEnd, spatial);
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
                return depositPage(409, depositId, e.toProblem().detail(), null);
            }
            return page(422, "Describe the dataset", metadataForm(form, MetadataForm.byField(e), depositId));
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
        return depositPage(200, depositId, null, null);
    }

    @POST
    @Path("{id}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(HTML)
    public Response upload(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("files") List<EntityPart> files) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        List<String> accepted = new ArrayList<>();
        for (EntityPart part : files == null ? List.<EntityPart>of() : files) {
            String name = part.getFileName().orElse("");
            if (name.isEmpty()) {
                continue;
            }
            try (InputStream in = part.getContent()) {
                intake.accept(session.current().get(), depositId, name, charset(part), in, session.remoteAddress());
                accepted.add(name);
            } catch (ProblemException e) {
                return depositPage(e.status(), depositId, null, uploadProblem(name, e, accepted));
            } catch (IOException e) {
                return depositPage(400, depositId, null, name + ": the upload broke off; send the file again");
            }
        }
        if (accepted.isEmpty()) {
            return depositPage(
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
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        Double seconds;
        try {
            seconds = trainingSeconds == null || trainingSeconds.isBlank() ? null : Double.valueOf(trainingSeconds);
        } catch (NumberFormatException e) {
            return depositPage(422, depositId, "The time budget must be a number of seconds.", null);
        }
        Long rows;
        try {
            rows = sampleRows == null || sampleRows.isBlank() ? null : Long.valueOf(sampleRows.strip());
        } catch (NumberFormatException e) {
            return depositPage(
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
            return depositPage(422, depositId, "Epsilon must be a number, such as 4.", null);
        }
        JobSettings settings;
        try {
            settings = new JobSettings(synthesizer, null, rows, null, null, null, seconds, null, privacy)
                    .complete(JobSettings.Limits.configured());
        } catch (IllegalArgumentException e) {
            return depositPage(422, depositId, e.getMessage(), null);
        }
        try {
            DepositResource.checkPrivacy(
                    settings, deposits.files(session.current().get(), depositId));
            deposits.submit(session.current().get(), depositId, JSONB.toJson(settings), session.remoteAddress());
        } catch (ProblemException e) {
            // a second click, or a deposit no longer a draft: the page shows where it stands
            return refusedOnPage(e, depositId);
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
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        if (csvw == null || csvw.getFileName().orElse("").isEmpty()) {
            return depositPage(422, depositId, "Choose a CSVW metadata file (csv-metadata.json) to import.", null);
        }
        String json;
        try (InputStream in = csvw.getContent()) {
            // a metadata document is small; more than a megabyte is not one
            byte[] bytes = in.readNBytes(1_048_577);
            if (bytes.length > 1_048_576) {
                return depositPage(413, depositId, "A CSVW metadata file is at most 1 MiB.", null);
            }
            json = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return depositPage(400, depositId, "The upload broke off; send the file again.", null);
        }
        try {
            csvwImport.apply(session.current().get(), depositId, json, session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            org.facsimile.web.platform.Problem p = e.toProblem();
            String where = p.errors() == null || p.errors().isEmpty()
                    ? ""
                    : " ("
                            + java.util.stream.Stream.of(
                                            p.errors().get(0).file(),
                                            p.errors().get(0).pointer())
                                    .filter(java.util.Objects::nonNull)
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + ")";
            return depositPage(
                    e.status(), depositId, "The CSVW metadata was not imported: " + p.detail() + where, null);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    /**
     * A refused action on a deposit, answered on its page with the reason at the top; a deposit
     * that is not there (or not the caller's) stays the 404 page.
     */
    private Response refusedOnPage(ProblemException e, UUID depositId) {
        if (e.status() == 404) {
            throw e;
        }
        return depositPage(e.status(), depositId, e.toProblem().detail(), null);
    }

    /** The states a depositor may withdraw a deposit from (see {@link Deposit#withdraw}). */
    static final java.util.Set<DepositState> WITHDRAWABLE = java.util.EnumSet.of(
            DepositState.DRAFT,
            DepositState.READY_FOR_REVIEW,
            DepositState.IN_REVIEW,
            DepositState.REJECTED,
            DepositState.FAILED);

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response withdraw(
            @PathParam("id") String id,
            @FormParam(PageSession.CSRF_FIELD) String csrf,
            @FormParam("reason") String reason) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        try {
            deposits.withdraw(session.current().get(), depositId, reason, session.remoteAddress());
        } catch (ProblemException e) {
            return refusedOnPage(e, depositId);
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response publish(@PathParam("id") String id, @FormParam(PageSession.CSRF_FIELD) String csrf) {
        if (session.current().isEmpty()) {
            return PageSession.signInFirst("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(csrf)) {
            return session.refusedForm("/deposits", "My deposits");
        }
        try {
            org.facsimile.web.publishing.PublishService.Outcome outcome =
                    publishing.requestPublication(session.current().get(), depositId, session.remoteAddress());
            return Response.seeOther(URI.create(
                            outcome.published() == null
                                    ? "/deposits/" + depositId
                                    : outcome.published().landingPage()))
                    .build();
        } catch (ProblemException e) {
            return refusedOnPage(e, depositId);
        }
    }

    /** The deposit page, with a message about the last action when there is one. */
    private Response depositPage(int status, UUID id, String actionProblem, String uploadProblem) {
        return depositPage(status, id, actionProblem, uploadProblem, null, null);
    }

    /**
     * @param unsaved a schema as the depositor sent it and it was refused: shown in its table's form
     * @param schemaProblem why it was refused
     */
    private Response depositPage(
            int status, UUID id, String actionProblem, String uploadProblem, CsvwTable unsaved, String schemaProblem) {
        Credential me = session.current().orElseThrow();
        Deposit d = deposits.readable(me, id);
        List<DepositFile> files = deposits.files(me, id);
        SynthesisJob job = null;
        try {
            job = deposits.latestJob(me, id);
        } catch (ProblemException notSubmitted) {
            // a draft never submitted has no job
        }
        StringBuilder html = new StringBuilder();
        boolean running = d.state() == DepositState.SUBMITTED || d.state() == DepositState.SYNTHESIZING;
        html.append("<h1>")
                .append(esc(d.metadata().title()))
                .append("</h1>\n<p><span class=\"state\">")
                .append(esc(STATES.getOrDefault(d.state(), d.state().name())))
                .append("</span> &middot; DOI reserved: <code>")
                .append(esc(d.doi()))
                .append("</code></p>\n");
        if (actionProblem != null) {
            html.append("<p class=\"error\" role=\"alert\">")
                    .append(esc(actionProblem))
                    .append("</p>\n");
        }
        describe(html, d.metadata());
        if (d.state() == DepositState.DRAFT) {
            html.append("<p><a href=\"/deposits/").append(id).append("/metadata\">Edit the description</a></p>\n");
        }
        html.append("<h2>Tables</h2>\n");
        if (files.isEmpty()) {
            html.append("<p>No tables yet.</p>\n");
        }
        List<String> keys = referableKeys(files);
        for (int t = 0; t < files.size(); t++) {
            DepositFile f = files.get(t);
            boolean refused = unsaved != null && unsaved.url().equals(f.fileName());
            table(
                    html,
                    id,
                    t,
                    f,
                    d.state() == DepositState.DRAFT,
                    refused ? unsaved : null,
                    refused ? schemaProblem : null,
                    keys);
        }
        if (d.state() == DepositState.DRAFT) {
            html.append("<h3>Upload tables</h3>");
            if (uploadProblem != null) {
                html.append("<p class=\"error\" role=\"alert\" id=\"upload-error\">")
                        .append(esc(uploadProblem))
                        .append("</p>");
            }
            html.append("<form method=\"post\" action=\"/deposits/")
                    .append(id)
                    .append("/files\" enctype=\"multipart/form-data\" data-uploads>")
                    .append(session.csrfField())
                    .append("<label for=\"files\">CSV files (UTF-8, a header line; several at once), or a JSON"
                            + " document of records with nested arrays (.json, .jsonl)</label>")
                    .append("<input type=\"file\" id=\"files\" name=\"files\""
                            + " accept=\".csv,text/csv,.json,application/json,.jsonl,.ndjson\" multiple")
                    .append(uploadProblem != null ? " aria-describedby=\"upload-error\"" : "")
                    .append("><p><button type=\"submit\">Upload</button></p></form>\n");
            if (!files.isEmpty()) {
                html.append("<h3>Import a CSVW description</h3><p>Already described your tables in W3C CSVW")
                        .append(" (a csv-metadata.json)? Import it instead of filling in the column forms: the")
                        .append(" tables it names by url get its columns, keys and references, and its dc:title,")
                        .append(" dc:description, dc:creator and dcat:keyword replace the description.</p>")
                        .append("<form method=\"post\" action=\"/deposits/")
                        .append(id)
                        .append("/csvw\" enctype=\"multipart/form-data\">")
                        .append(session.csrfField())
                        .append("<label for=\"csvw\">CSVW metadata file</label>")
                        .append("<input type=\"file\" id=\"csvw\" name=\"csvw\"")
                        .append(" accept=\".json,application/csvm+json,application/json\">")
                        .append("<p><button type=\"submit\">Import</button></p></form>\n");
            }
        }
        if (job != null) {
            progress(html, job, deposits.events(job));
        }
        boolean draftWithTables = d.state() == DepositState.DRAFT && !files.isEmpty();
        boolean again = d.state() == DepositState.READY_FOR_REVIEW
                || d.state() == DepositState.FAILED
                || d.state() == DepositState.REJECTED;
        if (draftWithTables || again) {
            synthesisForm(html, id, again);
        }
        if (d.state() == DepositState.READY_FOR_REVIEW || d.state() == DepositState.REJECTED) {
            html.append("<h2>Publish</h2><p>Only the synthetic tables are published, under the DOI above.</p>")
                    .append("<form method=\"post\" action=\"/deposits/")
                    .append(id)
                    .append("/publish\">")
                    .append(session.csrfField())
                    .append("<button type=\"submit\">Publish the synthetic dataset</button></form>\n");
        }
        if (WITHDRAWABLE.contains(d.state())) {
            html.append("<h2>Withdraw</h2><p>Withdrawing closes the deposit: nothing of it is published,")
                    .append(" and its private input can then be erased.</p>")
                    .append("<form method=\"post\" action=\"/deposits/")
                    .append(id)
                    .append("/withdraw\" data-keep>")
                    .append(session.csrfField())
                    .append("<label for=\"withdraw-reason\">Reason (optional, kept in the deposit's history)</label>")
                    .append("<input id=\"withdraw-reason\" name=\"reason\" maxlength=\"1000\">")
                    .append("<p><button type=\"submit\" class=\"quiet\">Withdraw this deposit</button></p></form>\n");
        }
        if (d.state() == DepositState.WITHDRAWN) {
            html.append("<p class=\"notice\">Withdrawn: nothing of this deposit was published.")
                    .append(" Its private input can be erased (DELETE /api/deposits/")
                    .append(id)
                    .append("/input).</p>\n");
        }
        if (d.state() == DepositState.PUBLISHED) {
            html.append("<p class=\"notice\">Published: <a href=\"/doi/")
                    .append(esc(d.doi()))
                    .append("\">doi:")
                    .append(esc(d.doi()))
                    .append("</a></p>\n");
        }
        String head = d.state() == DepositState.DRAFT ? "<script src=\"/static/upload.js\" defer></script>" : "";
        if (running) {
            // live by server-sent events with the script; without it the page reloads itself
            head = "<script src=\"/static/progress.js\" defer></script>"
                    + "<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>";
        }
        return Response.status(status)
                .entity(Page.render(
                        d.metadata().title(), Page.Section.DEPOSITS, session.name(), "", head, html.toString()))
                .type(HTML)
                .build();
    }

    /** The model and time budget, to run the synthesis, or to run it again with other settings. */
    private void synthesisForm(StringBuilder html, UUID id, boolean again) {
        html.append(again ? "<h2>Run again with other settings</h2>" : "<h2>Synthesis</h2>")
                .append("<form method=\"post\" action=\"/deposits/")
                .append(id)
                .append("/submit\" data-keep>")
                .append(session.csrfField())
                .append("<label for=\"synthesizer\">Model</label><select id=\"synthesizer\" name=\"synthesizer\">")
                .append("<option value=\"argn\" selected>Autoregressive network (best quality)</option>")
                .append("<option value=\"baseline\">Gaussian copula (fast baseline)</option></select>")
                .append("<label for=\"trainingSeconds\">Time budget for training</label>")
                .append("<select id=\"trainingSeconds\" name=\"trainingSeconds\">")
                .append("<option value=\"60\">1 minute (quick look)</option>")
                .append("<option value=\"300\">5 minutes</option>")
                .append("<option value=\"600\" selected>10 minutes (best)</option></select>")
                .append("<label for=\"sampleRows\">Rows to generate (optional)</label>")
                .append("<input id=\"sampleRows\" name=\"sampleRows\" inputmode=\"numeric\"")
                .append(" aria-describedby=\"sampleRows-help\">")
                .append("<p id=\"sampleRows-help\">Empty: as many as the input has. With related tables this is")
                .append(" the number of rows of the tables nothing refers to; their children follow.</p>")
                .append("<label for=\"epsilon\">Differential privacy: epsilon (optional)</label>")
                .append(
                        "<input id=\"epsilon\" name=\"epsilon\" inputmode=\"decimal\" aria-describedby=\"epsilon-help\">")
                .append("<p id=\"epsilon-help\">Leave empty for the usual protection. A budget such as 4")
                .append(" trains with DP-SGD and stops when it is spent (smaller: more private, less accurate);")
                .append(" it needs the autoregressive network and a deposit without references between tables.</p>")
                .append("<p><button type=\"submit\">")
                .append(again ? "Synthesize again" : "Synthesize")
                .append("</button></p></form>\n");
    }

    private static void describe(StringBuilder html, DepositMetadata m) {
        html.append("<dl>");
        dt(html, "Description", m.description());
        dt(html, "Creators", String.join("; ", m.creators()));
        dt(html, "Keywords", String.join(", ", m.keywords()));
        dt(html, "Subjects", String.join(", ", m.subjects()));
        dt(html, "Licence", m.licence() == null ? DepositMetadata.LICENCES.get(0) : m.licence());
        if (m.temporalStart() != null || m.temporalEnd() != null) {
            dt(
                    html,
                    "Time covered",
                    (m.temporalStart() == null ? "until " : m.temporalStart())
                            + (m.temporalStart() != null && m.temporalEnd() != null ? " to " : "")
                            + (m.temporalEnd() == null ? " onwards" : m.temporalEnd()));
        }
        dt(html, "Place covered", m.spatial());
        html.append("</dl>\n");
    }

    private static void dt(StringBuilder html, String term, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<dt>")
                    .append(esc(term))
                    .append("</dt><dd>")
                    .append(esc(value))
                    .append("</dd>");
        }
    }

    /** The datatypes a column can be declared with on the page (the API takes every CSVW one). */
    static final List<String> DATATYPES =
            List.of("string", "integer", "decimal", "date", "dateTime", "time", "boolean");

    /**
     * A table's file and its columns as the schema holds them (kinds, missing-value markers, the
     * direct identifiers profiling marked); in a draft, a form to correct them, the key and the
     * rules every row obeys.
     */
    /**
     * The keys a column may refer to: each table's single-column primary key, as "file/column"
     * (a file name holds no slash).
     */
    static List<String> referableKeys(List<DepositFile> files) {
        List<String> keys = new ArrayList<>();
        for (DepositFile f : files) {
            try {
                CsvwTable schema = CsvwJson.readTable(f.tableSchema());
                if (schema.primaryKey().size() == 1) {
                    keys.add(f.fileName() + "/" + schema.primaryKey().get(0));
                }
            } catch (CsvwProblem e) {
                // its table says so where it is shown
            }
        }
        return keys;
    }

    /** A column's reference as the page writes it: "file/column", or "" for none. */
    private static String referenceOf(CsvwTable schema, String column) {
        for (org.facsimile.vocab.csvw.CsvwForeignKey k : schema.foreignKeys()) {
            if (k.columns().equals(List.of(column))) {
                return k.resource() + "/" + k.referencedColumns().get(0);
            }
        }
        return "";
    }

    private void table(
            StringBuilder html,
            UUID id,
            int t,
            DepositFile f,
            boolean editable,
            CsvwTable unsaved,
            String problem,
            List<String> keys) {
        html.append("<h3 id=\"table-")
                .append(t)
                .append("\">")
                .append(esc(f.fileName()))
                .append("</h3><p>")
                .append(String.format(Locale.ROOT, "%,d rows, %,d bytes", f.rowCount(), f.byteSize()))
                .append("</p>");
        CsvwTable schema;
        try {
            schema = unsaved != null ? unsaved : CsvwJson.readTable(f.tableSchema());
        } catch (CsvwProblem e) {
            html.append("<p class=\"error\">The stored schema does not read: ")
                    .append(esc(e.getMessage()))
                    .append("</p>");
            return;
        }
        if (problem != null) {
            html.append("<p class=\"error\" role=\"alert\" id=\"schema-error-")
                    .append(t)
                    .append("\">")
                    .append(esc(problem))
                    .append("</p>");
        }
        if (editable) {
            html.append("<form method=\"post\" action=\"/deposits/")
                    .append(id)
                    .append("/files/")
                    .append(esc(java.net.URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8)))
                    .append("/schema\" data-keep>")
                    .append(session.csrfField());
        }
        html.append("<table><caption>Columns of ")
                .append(esc(f.fileName()))
                .append(editable ? ": check and correct what profiling inferred" : "")
                .append("</caption><thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Type</th>")
                .append("<th scope=\"col\">Missing-value markers besides an empty cell</th>")
                .append("<th scope=\"col\">Direct identifier (replaced by fakes)</th>")
                .append("<th scope=\"col\">Refers to (another table's key)</th></tr></thead><tbody>");
        for (int i = 0; i < schema.columns().size(); i++) {
            CsvwColumn c = schema.columns().get(i);
            String markers = String.join(
                    ", ", c.nullMarkers().stream().filter(n -> !n.isEmpty()).toList());
            String personal =
                    c.personalData() == null || c.personalData().equals(PersonalData.NONE) ? "" : c.personalData();
            html.append("<tr><th scope=\"row\">")
                    .append(esc(c.name()))
                    .append(schema.primaryKey().contains(c.name()) ? " (key)" : "")
                    .append("</th><td>");
            if (!editable) {
                html.append(esc(c.datatype()))
                        .append(c.format() == null ? "" : ", written " + esc(c.format()))
                        .append("</td><td>")
                        .append(esc(markers))
                        .append("</td><td>")
                        .append(personal.isEmpty() ? "no" : "yes: " + esc(personal))
                        .append("</td><td>")
                        .append(esc(referenceOf(schema, c.name()).replace("/", " \u2192 ")))
                        .append("</td></tr>");
                continue;
            }
            String label = " of column " + esc(c.name());
            html.append("<select name=\"type.")
                    .append(i)
                    .append("\" aria-label=\"Type")
                    .append(label)
                    .append("\">");
            for (String type : DATATYPES) {
                option(html, type, type, type.equals(c.datatype()));
            }
            if (!DATATYPES.contains(c.datatype())) {
                option(html, c.datatype(), c.datatype(), true);
            }
            html.append("</select>");
            if (c.format() != null) {
                // the picture profiling read the dates in; kept while the type stays (the API sets another)
                html.append(" <small>written ").append(esc(c.format())).append("</small>");
            }
            html.append("</td><td><input name=\"missing.")
                    .append(i)
                    .append("\" size=\"12\" aria-label=\"Missing-value markers")
                    .append(label)
                    .append("\" value=\"")
                    .append(esc(markers))
                    .append("\"></td><td><select name=\"personal.")
                    .append(i)
                    .append("\" aria-label=\"Direct identifier")
                    .append(label)
                    .append("\">");
            option(html, "", "no", personal.isEmpty());
            for (PersonalData kind : PersonalData.values()) {
                option(html, kind.token(), kind.description(), kind.token().equals(personal));
            }
            String reference = referenceOf(schema, c.name());
            html.append("</select></td><td><select name=\"refers.")
                    .append(i)
                    .append("\" aria-label=\"Table and key that column ")
                    .append(esc(c.name()))
                    .append(" refers to\">");
            option(html, "", "nothing", reference.isEmpty());
            for (String key : keys) {
                option(html, key, key.replace("/", " \u2192 "), key.equals(reference));
            }
            if (!reference.isEmpty() && !keys.contains(reference)) {
                option(html, reference, reference.replace("/", " \u2192 "), true);
            }
            html.append("</select></td></tr>");
        }
        html.append("</tbody></table>\n");
        if (editable) {
            html.append("<label for=\"key-")
                    .append(t)
                    .append("\">Primary key</label><select id=\"key-")
                    .append(t)
                    .append("\" name=\"key\">");
            option(html, "", "none", schema.primaryKey().isEmpty());
            for (CsvwColumn c : schema.columns()) {
                option(html, c.name(), c.name(), schema.primaryKey().equals(List.of(c.name())));
            }
            html.append("</select><label for=\"constraints-")
                    .append(t)
                    .append("\">Rules every row obeys, one per line (dob &lt; dod, 0 &lt;= age &lt;= 120,")
                    .append(" fixed(city, province), total = a + b, if age &lt; 18 then benefit = 'child')</label>")
                    .append("<textarea id=\"constraints-")
                    .append(t)
                    .append("\" name=\"constraints\" rows=\"3\" cols=\"60\">")
                    .append(esc(String.join("\n", schema.constraints())))
                    .append("</textarea><p><button type=\"submit\">Save the columns of ")
                    .append(esc(f.fileName()))
                    .append("</button></p></form>\n");
        } else if (!schema.constraints().isEmpty()) {
            html.append("<p>Rules every row obeys: <code>")
                    .append(esc(String.join("; ", schema.constraints())))
                    .append("</code></p>\n");
        }
    }

    private static void option(StringBuilder html, String value, String label, boolean selected) {
        html.append("<option value=\"")
                .append(esc(value))
                .append('"')
                .append(selected ? " selected" : "")
                .append('>')
                .append(esc(label))
                .append("</option>");
    }

    @POST
    @Path("{id}/files/{name}/schema")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(HTML)
    public Response schema(
            @PathParam("id") String id,
            @PathParam("name") String name,
            jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        if (session.current().isEmpty()) {
            return PageSession.signInAgain("/deposits/" + id);
        }
        UUID depositId = ProblemException.uuidOrNotFound(id, "deposit");
        if (!session.acceptsCsrf(form.getFirst(PageSession.CSRF_FIELD))) {
            return session.refusedForm("/deposits", "My deposits");
        }
        Credential me = session.current().get();
        DepositFile file = deposits.file(me, depositId, name);
        CsvwTable current;
        try {
            current = CsvwJson.readTable(file.tableSchema());
        } catch (CsvwProblem e) {
            throw new IllegalStateException("a stored schema no longer reads", e);
        }
        CsvwTable declared = SchemaForm.read(current, form);
        try {
            schemas.apply(me, depositId, file, declared, current, session.remoteAddress());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return depositPage(
                    e.status(), depositId, null, null, declared, e.toProblem().detail());
        }
        return Response.seeOther(URI.create("/deposits/" + depositId)).build();
    }

    /** The columns form of one table, read into the CSVW schema it declares. */
    static final class SchemaForm {

        private SchemaForm() {}

        static CsvwTable read(CsvwTable current, jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
            List<CsvwColumn> columns = new ArrayList<>();
            for (int i = 0; i < current.columns().size(); i++) {
                CsvwColumn c = current.columns().get(i);
                String type = form.getFirst("type." + i);
                // the page offers these; anything else (a crafted post) keeps the stored type
                String datatype = type != null && DATATYPES.contains(type.strip()) ? type.strip() : c.datatype();
                List<String> nulls = new ArrayList<>();
                nulls.add("");
                String markers = form.getFirst("missing." + i);
                if (markers != null) {
                    for (String m : markers.split(",")) {
                        if (!m.strip().isEmpty() && !nulls.contains(m.strip())) {
                            nulls.add(m.strip());
                        }
                    }
                }
                String chosen = form.getFirst("personal." + i);
                String personal = chosen == null || chosen.isBlank()
                        // "no": an explicit none only where something was marked before
                        ? (c.personalData() == null ? null : PersonalData.NONE)
                        : chosen.strip();
                columns.add(new CsvwColumn(
                        c.name(),
                        datatype,
                        nulls,
                        c.description(),
                        datatype.equals(c.datatype()) ? c.format() : null,
                        personal,
                        c.lang()));
            }
            String key = form.getFirst("key");
            if (key != null && !current.columnNames().contains(key.strip())) {
                key = null;
            }
            List<String> constraints = form.getFirst("constraints") == null
                    ? List.of()
                    : form.getFirst("constraints")
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList();
            // composite references (declared through the API) are kept; single-column ones as chosen
            List<org.facsimile.vocab.csvw.CsvwForeignKey> references = new ArrayList<>();
            for (org.facsimile.vocab.csvw.CsvwForeignKey k : current.foreignKeys()) {
                if (k.columns().size() > 1) {
                    references.add(k);
                }
            }
            for (int i = 0; i < current.columns().size(); i++) {
                String target = form.getFirst("refers." + i);
                int slash = target == null ? -1 : target.indexOf('/');
                if (slash > 0 && slash < target.length() - 1) {
                    references.add(new org.facsimile.vocab.csvw.CsvwForeignKey(
                            List.of(current.columns().get(i).name()),
                            target.substring(0, slash),
                            List.of(target.substring(slash + 1))));
                }
            }
            return new CsvwTable(
                    current.url(),
                    columns,
                    key == null || key.isBlank() ? List.of() : List.of(key.strip()),
                    references,
                    constraints,
                    current.nestedShape());
        }
    }

    /** The job's steps so far; the page refreshes itself while it runs. */
    private static void progress(StringBuilder html, SynthesisJob job, List<SynthesisJobEvent> events) {
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
        int percent = ProgressStream.percent(job.step());
        html.append("<h2>Synthesis run</h2><div id=\"progress\" aria-live=\"polite\" data-events=\"/api/deposits/")
                .append(job.deposit().id())
                .append("/job/events?after=")
                .append(last)
                .append(
                        "\"><label for=\"progress-bar\">Progress</label> <progress id=\"progress-bar\" max=\"100\" value=\"")
                .append(percent)
                .append("\">")
                .append(percent)
                .append("%</progress> <span id=\"progress-step\">")
                .append(esc(job.step().name().toLowerCase(Locale.ROOT)))
                .append("</span></div><p>Step: <b>")
                .append(esc(job.step().name().toLowerCase(Locale.ROOT)))
                .append("</b>");
        if (job.failureReason() != null) {
            html.append("</p><p class=\"error\" role=\"alert\">").append(esc(job.failureReason()));
        }
        html.append("</p><ol id=\"progress-steps\" aria-label=\"Steps so far\">");
        int from = Math.max(0, events.size() - 12);
        for (SynthesisJobEvent e : events.subList(from, events.size())) {
            html.append("<li>")
                    .append(Page.DATE.format(e.at()))
                    .append(": ")
                    .append(esc(e.message() == null ? e.step().name().toLowerCase(Locale.ROOT) : e.message()))
                    .append("</li>");
        }
        html.append("</ol>\n");
        if (job.report() != null) {
            html.append("<h2>Report</h2>");
            org.facsimile.web.publishing.ReportSummary.verdict(html, job.report());
            html.append("<p><a href=\"/api/deposits/")
                    .append(job.deposit().id())
                    .append("/report.html\" download=\"report.html\">Download the full report</a> (HTML: real and")
                    .append(
                            " synthetic distributions of every column and pair, relations, rules, personal data).</p>\n");
            org.facsimile.web.publishing.ReportSummary.quality(html, job.report());
            // the whole report, real against synthetic distributions of every column and pair, here too
            html.append("<details><summary>The full report, with real and synthetic distributions</summary>")
                    .append("<iframe src=\"/api/deposits/")
                    .append(job.deposit().id())
                    .append("/report.html\" title=\"The full synthesis report\" loading=\"lazy\"")
                    .append(" style=\"width:100%;height:80vh;border:1px solid #d4d4d8\"></iframe></details>\n");
        }
    }

    private static String uploadProblem(String name, ProblemException e, List<String> accepted) {
        StringBuilder message =
                new StringBuilder(name).append(": ").append(e.toProblem().detail());
        if (e.toProblem().errors() != null) {
            for (org.facsimile.web.platform.Problem.Where w : e.toProblem().errors()) {
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

    private static Charset charset(EntityPart part) {
        String charset = part.getMediaType() == null
                ? null
                : part.getMediaType().getParameters().get("charset");
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The description form: for a new deposit, or to edit the draft {@code editing}. */
    private String metadataForm(MetadataForm form, Map<String, String> errors, UUID editing) {
        StringBuilder html = new StringBuilder(
                        editing == null ? "<h1>New deposit</h1>\n" : "<h1>Describe the dataset</h1>\n")
                .append("<p>Describe the dataset; the published synthetic twin inherits this description.")
                .append(" Fields marked * are required.</p>\n");
        if (!errors.isEmpty()) {
            html.append("<p class=\"error\" role=\"alert\">Please correct the fields marked below.</p>\n");
        }
        html.append("<form method=\"post\" action=\"/deposits/")
                .append(editing == null ? "new" : editing + "/metadata")
                .append("\" data-keep>")
                .append(session.csrfField());
        input(html, "title", "Title *", form.title(), errors, false);
        input(html, "description", "Description", form.description(), errors, true);
        input(
                html,
                "creators",
                "Creators, one per line: Family, Given, and an ORCID iD if they have one"
                        + " (Jansen, Ana 0000-0002-1825-0097)",
                form.creators(),
                errors,
                true);
        input(html, "keywords", "Keywords, separated by commas", form.keywords(), errors, false);
        html.append("<fieldset><legend>Time the data covers (either end may stay empty)</legend>");
        dateInput(html, "temporalStart", "From", form.temporalStart(), errors);
        dateInput(html, "temporalEnd", "To", form.temporalEnd(), errors);
        html.append("</fieldset>");
        input(
                html,
                "spatial",
                "Place the data covers (such as Shetland, or Lower Saxony, Germany)",
                form.spatial(),
                errors,
                false);
        html.append("<label for=\"subjects\">Subjects</label>");
        error(html, "subjects", errors);
        html.append("<select id=\"subjects\" name=\"subjects\" multiple size=\"6\">");
        for (DataTheme theme : DataTheme.values()) {
            html.append("<option value=\"")
                    .append(theme.name())
                    .append('"')
                    .append(form.subjects().contains(theme.name()) ? " selected" : "")
                    .append('>')
                    .append(esc(theme.label()))
                    .append("</option>");
        }
        html.append("</select><label for=\"licence\">Licence of the synthetic data</label>");
        error(html, "licence", errors);
        html.append("<select id=\"licence\" name=\"licence\">");
        for (String licence : DepositMetadata.LICENCES) {
            html.append("<option value=\"")
                    .append(esc(licence))
                    .append('"')
                    .append(licence.equals(form.licence()) ? " selected" : "")
                    .append('>')
                    .append(licence.contains("/by/") ? "CC BY 4.0" : "CC0 1.0 (public domain)")
                    .append("</option>");
        }
        html.append("</select><p><button type=\"submit\">")
                .append(editing == null ? "Create the deposit" : "Save the description")
                .append("</button></p></form>\n");
        return html.toString();
    }

    private static void dateInput(
            StringBuilder html, String name, String label, String value, Map<String, String> errors) {
        html.append("<label for=\"")
                .append(name)
                .append("\">")
                .append(esc(label))
                .append("</label>");
        error(html, name, errors);
        html.append("<input type=\"date\" id=\"")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(esc(value))
                .append('"')
                .append(
                        errors.containsKey(name)
                                ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\""
                                : "")
                .append('>');
    }

    private static void input(
            StringBuilder html, String name, String label, String value, Map<String, String> errors, boolean area) {
        html.append("<label for=\"")
                .append(name)
                .append("\">")
                .append(esc(label))
                .append("</label>");
        error(html, name, errors);
        String described =
                errors.containsKey(name) ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"" : "";
        if (area) {
            html.append("<textarea id=\"")
                    .append(name)
                    .append("\" name=\"")
                    .append(name)
                    .append("\" rows=\"4\" cols=\"60\"")
                    .append(described)
                    .append('>')
                    .append(esc(value))
                    .append("</textarea>");
        } else {
            html.append("<input id=\"")
                    .append(name)
                    .append("\" name=\"")
                    .append(name)
                    .append("\" size=\"60\" value=\"")
                    .append(esc(value))
                    .append('"')
                    .append(described)
                    .append('>');
        }
    }

    private static void error(StringBuilder html, String name, Map<String, String> errors) {
        if (errors.containsKey(name)) {
            html.append("<p class=\"field-error\" id=\"")
                    .append(name)
                    .append("-error\">")
                    .append(esc(errors.get(name)))
                    .append("</p>");
        }
    }

    /** The new-deposit form as typed, and its reading as deposit metadata. */
    record MetadataForm(
            String title,
            String description,
            String creators,
            String keywords,
            List<String> subjects,
            String licence,
            String temporalStart,
            String temporalEnd,
            String spatial) {

        MetadataForm {
            title = title == null ? "" : title;
            description = description == null ? "" : description;
            creators = creators == null ? "" : creators;
            keywords = keywords == null ? "" : keywords;
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
            temporalStart = temporalStart == null ? "" : temporalStart;
            temporalEnd = temporalEnd == null ? "" : temporalEnd;
            spatial = spatial == null ? "" : spatial;
        }

        /** The form filled with stored metadata. */
        static MetadataForm of(DepositMetadata m) {
            return new MetadataForm(
                    m.title(),
                    m.description(),
                    String.join("\n", m.creators()),
                    String.join(", ", m.keywords()),
                    m.subjects(),
                    m.licence(),
                    m.temporalStart(),
                    m.temporalEnd(),
                    m.spatial());
        }

        static MetadataForm empty() {
            return new MetadataForm("", "", "", "", List.of(), DepositMetadata.LICENCES.get(0), "", "", "");
        }

        DepositMetadata metadata() {
            return metadata(null);
        }

        DepositMetadata metadata(String sourceUrl) {
            return new DepositMetadata(
                    title.strip(),
                    description.isBlank() ? null : description.strip(),
                    creators.lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList(),
                    java.util.Arrays.stream(keywords.split(","))
                            .map(String::strip)
                            .filter(k -> !k.isEmpty())
                            .toList(),
                    subjects,
                    licence == null || licence.isBlank() ? null : licence,
                    sourceUrl,
                    temporalStart,
                    temporalEnd,
                    spatial);
        }

        /** The metadata check's problems by form field ($.creators[2] is the creators field). */
        static Map<String, String> byField(ProblemException e) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            List<org.facsimile.web.platform.Problem.Where> errors =
                    e.toProblem().errors();
            if (errors == null || errors.isEmpty()) {
                fields.put("title", e.toProblem().detail());
                return fields;
            }
            for (org.facsimile.web.platform.Problem.Where w : errors) {
                String pointer = w.pointer() == null ? "$.title" : w.pointer();
                String field = pointer.replaceFirst("^\\$\\.", "").replaceFirst("\\[.*$", "");
                fields.putIfAbsent(field.equals("sourceUrl") ? "title" : field, capitalised(w.message()));
            }
            return fields;
        }

        private static String capitalised(String message) {
            return message == null || message.isEmpty()
                    ? "Check this field."
                    : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
        }
    }

    private Response page(int status, String title, String main) {
        return Response.status(status)
                .entity(Page.render(title, Page.Section.DEPOSITS, session.name(), main))
                .type(HTML)
                .build();
    }

    private static String next(Deposit d) {
        String id = d.id().toString();
        return switch (d.state()) {
            case READY_FOR_REVIEW, IN_REVIEW, REJECTED ->
                "<a href=\"/api/deposits/" + id + "/report.html\">Synthesis report</a>";
            case PUBLISHED -> "<a href=\"/doi/" + esc(d.doi()) + "\">" + esc(d.doi()) + "</a>";
            case FAILED -> "<a href=\"/api/deposits/" + id + "/job\">Why it failed</a>";
            default -> "";
        };
    }
}
