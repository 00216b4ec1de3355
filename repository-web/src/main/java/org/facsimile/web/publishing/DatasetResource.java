package org.facsimile.web.publishing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.vocab.Embargo;
import org.facsimile.vocab.frictionless.DataPackage;
import org.facsimile.vocab.rocrate.RoCrate;
import org.facsimile.web.account.Caller;
import org.facsimile.web.account.Secured;
import org.facsimile.web.deposit.Deposit;
import org.facsimile.web.deposit.DepositService;
import org.facsimile.web.deposit.DepositViews;
import org.facsimile.web.platform.ApiDocument;
import org.facsimile.web.platform.ByteRange;
import org.facsimile.web.platform.ProblemException;
import org.facsimile.web.storage.BlobStore;
import org.facsimile.web.storage.BlobStore.Area;

/** The public dataset API, {@code /api/datasets}: list, describe, download. No token needed. */
@Path("api/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class DatasetResource {

    public record FileView(
            String name, String title, String mediaType, long size, String sha256, Long rows, String url) {}

    /** One entry of a dataset's version list. */
    public record VersionView(int version, String doi, Instant published, String url) {}

    /**
     * A published version as the API answers it; {@code embargoUntil} and {@code embargoReason}
     * while an embargo keeps its data files closed (null once they are open).
     */
    public record DatasetView(
            String id,
            String versionId,
            int version,
            boolean latest,
            String doi,
            String doiUrl,
            String conceptDoi,
            String title,
            String description,
            List<String> creators,
            List<String> keywords,
            List<String> subjects,
            String licence,
            boolean synthetic,
            String derivedFrom,
            Instant published,
            String landingPage,
            String versionPage,
            List<FileView> files,
            List<VersionView> versions,
            String embargoUntil,
            String embargoReason) {

        static DatasetView of(PublicDatasets.PublicVersion p) {
            Embargo closed = p.closedNow();
            DatasetVersion v = p.version();
            List<FileView> files = p.files().stream()
                    .map(f -> new FileView(
                            f.fileName(),
                            f.title(),
                            f.mediaType(),
                            f.byteSize(),
                            f.sha256(),
                            f.rowCount(),
                            p.download(f.fileName())))
                    .toList();
            return new DatasetView(
                    p.datasetId().toString(),
                    v.id().toString(),
                    v.versionNumber(),
                    !p.superseded(),
                    v.doi(),
                    "https://doi.org/" + v.doi(),
                    p.conceptDoi(),
                    v.title(),
                    v.description(),
                    v.creators(),
                    v.keywords(),
                    v.subjects(),
                    v.licence(),
                    v.synthetic(),
                    v.sourceUrl(),
                    v.publishedAt(),
                    PublicDatasets.landingPage(p.datasetId()),
                    p.page(),
                    files,
                    p.versions().stream()
                            .map(r -> new VersionView(
                                    r.number(),
                                    r.doi(),
                                    r.published(),
                                    PublicDatasets.versionPage(p.datasetId(), r.number())))
                            .toList(),
                    closed == null ? null : closed.until().toString(),
                    closed == null ? null : closed.reason());
        }
    }

    @Inject
    PublicDatasets datasets;

    @Inject
    BlobStore blobs;

    @Inject
    UsageCounts usage;

    @Inject
    NewVersions versions;

    @Inject
    DepositService deposits;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest servletRequest;

    @Context
    Request request;

    @Operation(summary = "Published datasets, newest first, in pages")
    @APIResponse(responseCode = "200", description = "A page of datasets")
    @GET
    public Response list(@QueryParam("offset") Long offset, @QueryParam("limit") Integer limit) {
        long from = offset == null ? 0 : offset;
        int size = limit == null ? 50 : limit;
        if (from < 0 || size < 1 || size > 500) {
            throw ProblemException.badRequest("offset must be >= 0 and limit between 1 and 500");
        }
        List<DatasetView> page =
                datasets.page(from, size).stream().map(DatasetView::of).toList();
        return Response.ok(page).header("X-Total-Count", datasets.count()).build();
    }

    @Operation(summary = "A published dataset: its latest version, files and versions")
    @GET
    @Path("{id}")
    public DatasetView get(@PathParam("id") String id) {
        return DatasetView.of(find(id));
    }

    /**
     * Opens the next version of a dataset (its depositor only): a draft deposit with the latest
     * version's metadata and input tables, answered like a new deposit (201, Location).
     */
    @Operation(summary = "Start a new version of one's published dataset: a draft with its description and tables")
    @APIResponse(responseCode = "201", description = "The new draft")
    @POST
    @Path("{id}/versions")
    @Secured
    @SecurityRequirement(name = ApiDocument.TOKEN)
    @SecurityRequirement(name = ApiDocument.SESSION)
    public Response newVersion(@PathParam("id") String id) {
        Deposit draft = versions.open(caller.credential(), id, caller.remoteAddress());
        return Response.created(URI.create("/api/deposits/" + draft.id()))
                .entity(DepositViews.DepositView.of(draft, deposits.files(caller.credential(), draft.id())))
                .build();
    }

    /** One version of the dataset, superseded or not. */
    @Operation(summary = "One version of a published dataset")
    @GET
    @Path("{id}/versions/{version}")
    public DatasetView version(@PathParam("id") String id, @PathParam("version") String version) {
        return DatasetView.of(datasets.published(id, version));
    }

    /** How often people (not robots) viewed the dataset's page and downloaded its files. */
    @Operation(summary = "Views and downloads of a dataset, per version and month")
    @GET
    @Path("{id}/usage")
    public UsageCounts.Usage usage(@PathParam("id") String id) {
        return usage.of(find(id).datasetId());
    }

    /**
     * Downloads one file of the latest version, with its checksum as ETag and Digest; a range of
     * it when asked (a resumed or split download), nothing when the reader's copy is current.
     */
    @Operation(summary = "Download a file of the latest version")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "206", description = "The one byte range asked for with Range")
    @APIResponse(responseCode = "304", description = "If-None-Match holds the file's ETag: the copy is current")
    @GET
    @Path("{id}/files/{name}")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("id") String id,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @HeaderParam(RANGE) String range,
            @HeaderParam(IF_RANGE) String ifRange) {
        return download(find(id), name, userAgent, range, ifRange);
    }

    /** Downloads one file of a given version, as the latest version's files are. */
    @Operation(summary = "Download a file of one version")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "206", description = "The one byte range asked for with Range")
    @APIResponse(responseCode = "304", description = "If-None-Match holds the file's ETag: the copy is current")
    @GET
    @Path("{id}/versions/{version}/files/{name}")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("id") String id,
            @PathParam("version") String version,
            @PathParam("name") String name,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @HeaderParam(RANGE) String range,
            @HeaderParam(IF_RANGE) String ifRange) {
        return download(datasets.published(id, version), name, userAgent, range, ifRange);
    }

    /** All files of the latest version in one zip, with their SHA-256 manifest. */
    @Operation(summary = "Download all files of the latest version as a zip, with a SHA-256 manifest")
    @APIResponse(
            responseCode = "200",
            description = "The files and manifest-sha256.txt",
            content = @Content(mediaType = "application/zip"))
    @GET
    @Path("{id}/files.zip")
    @Produces("application/zip")
    public Response downloadAll(@PathParam("id") String id, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return downloadAll(find(id), userAgent);
    }

    /** All files of one version in one zip, with their SHA-256 manifest. */
    @Operation(summary = "Download all files of one version as a zip, with a SHA-256 manifest")
    @APIResponse(
            responseCode = "200",
            description = "The files and manifest-sha256.txt",
            content = @Content(mediaType = "application/zip"))
    @GET
    @Path("{id}/versions/{version}/files.zip")
    @Produces("application/zip")
    public Response downloadAll(
            @PathParam("id") String id,
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return downloadAll(datasets.published(id, version), userAgent);
    }

    /**
     * The version's files streamed into a zip as they are read from the store, then {@value
     * #MANIFEST}: one line per file, its SHA-256 and name (BagIt's manifest format), so the files can
     * be checked after unpacking. Counted as one download of the version.
     */
    private Response downloadAll(PublicDatasets.PublicVersion version, String userAgent) {
        version.requireOpen(null);
        usage.downloaded(version.datasetId(), version.version().id(), ALL_FILES, remoteAddress(), userAgent);
        List<Distribution> files = version.files();
        Map<String, byte[]> metadata = new LinkedHashMap<>();
        try {
            // the zip unpacked is an RO-Crate and a Frictionless Data Package: its files beside
            // their descriptions
            metadata.put(
                    RoCrate.METADATA, RoCrate.render(version.describe(), true).getBytes(StandardCharsets.UTF_8));
            metadata.put(
                    DATA_PACKAGE,
                    DataPackage.render(version.describe(), datasets.tables(version), true)
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StreamingOutput body = out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            StringBuilder manifest = new StringBuilder();
            for (Map.Entry<String, byte[]> file : metadata.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
                manifest.append(sha256(file.getValue()))
                        .append("  ")
                        .append(file.getKey())
                        .append('\n');
            }
            for (Distribution file : files) {
                zip.putNextEntry(new ZipEntry(file.fileName()));
                try (InputStream in = blobs.open(Area.PUBLIC, file.storageKey())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                manifest.append(file.sha256())
                        .append("  ")
                        .append(file.fileName())
                        .append('\n');
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        };
        return Response.ok(body, "application/zip")
                // written afresh for each request, so no two answers are byte for byte the same
                .header(ACCEPT_RANGES, "none")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"dataset-" + version.datasetId() + "-v" + version.number() + ".zip\"")
                .build();
    }

    /** The reader's address, for counting a download once per reader. */
    private String remoteAddress() {
        return servletRequest == null ? null : servletRequest.getRemoteAddr();
    }

    /** The manifest's name in a version's zip. */
    static final String MANIFEST = "manifest-sha256.txt";

    /** The Data Package descriptor's name in a version's zip. */
    static final String DATA_PACKAGE = "datapackage.json";

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a download of all files is counted as. */
    static final String ALL_FILES = "files.zip";

    static final String RANGE = "Range";
    static final String IF_RANGE = "If-Range";
    static final String ACCEPT_RANGES = "Accept-Ranges";

    /**
     * One published file: whole, or the one byte range asked for (206), or nothing when the
     * reader's copy is current (If-None-Match: 304). A published file never changes, so its SHA-256
     * is a strong entity tag. Counted as a download when the answer holds the file's first byte
     * and the request is a GET: a download resumed, or split into ranges by a download manager,
     * counts once, and HEAD or a 304 not at all.
     */
    private Response download(
            PublicDatasets.PublicVersion version, String name, String userAgent, String range, String ifRange) {
        Distribution file = version.files().stream()
                .filter(f -> f.fileName().equals(name))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("file " + name.replaceAll("[^A-Za-z0-9._ -]", "?")));
        version.requireOpen(file.fileName());
        EntityTag tag = new EntityTag(file.sha256());
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition != null) {
            if (precondition.build().getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                throw new ProblemException(
                        412, "precondition-failed", "Precondition Failed", "If-Match does not hold this file's ETag");
            }
            return precondition.header(ACCEPT_RANGES, "bytes").build();
        }
        long size = file.byteSize();
        Optional<ByteRange> part = ByteRange.requested(range, ifRange, tag.toString(), size);
        // the servlet's method: for a HEAD, JAX-RS runs this GET method and may report GET
        boolean get = servletRequest == null || "GET".equals(servletRequest.getMethod());
        if (get && part.map(ByteRange::fromStart).orElse(true)) {
            usage.downloaded(version.datasetId(), version.version().id(), file.fileName(), remoteAddress(), userAgent);
        }
        long first = part.map(ByteRange::first).orElse(0L);
        long length = part.map(ByteRange::length).orElse(size);
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(Area.PUBLIC, file.storageKey(), first)) {
                copy(in, out, length);
            }
        };
        String type = file.mediaType() + (file.mediaType().startsWith("text/") ? "; charset=UTF-8" : "");
        Response.ResponseBuilder answer = part.isPresent()
                ? Response.status(Response.Status.PARTIAL_CONTENT)
                        .entity(body)
                        .type(type)
                        .header("Content-Range", part.get().contentRange(size))
                : Response.ok(body, type);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        return answer.header("Content-Length", length)
                .header(ACCEPT_RANGES, "bytes")
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .tag(tag)
                // the whole file's digest, as the ETag is the whole file's
                .header("Digest", "sha-256=" + digest)
                .build();
    }

    /** Copies {@code length} bytes (or up to the end, if sooner). */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private PublicDatasets.PublicVersion find(String id) {
        return datasets.published(id);
    }
}
