package org.facsimile.web.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Finishes the OpenAPI document the runtime builds from the resources' annotations
 * ({@code mp.openapi.filter}): only the API is in it (pages, styles and the DOI resolver are
 * named in {@value #PAGES} only), and every operation lists the problem answers it can give, each an RFC 9457 problem
 * ({@link Problem}) whose {@code type} is {@value Problem#TYPES}{@code {kind}}, the kinds named in
 * the answer's description. Which answers an operation can give follows from what it takes: a
 * path id can be 404 (a dataset's 410), a body 409/413/415/422, a secured operation 401/403, the
 * catalogue 406, a file's download 412/416; any can be 400, 429, 500 (with an incident id) or 503 while the database is away.
 */
public class ApiDocument implements OASFilter {

    /** The security scheme of API tokens. */
    public static final String TOKEN = "token";

    /** The security scheme of a browser's session. */
    public static final String SESSION = "session";

    /** The part of the site the document covers. */
    static final String API = "/api/";

    /** The extension naming the routes that are pages, not API. */
    static final String PAGES = "x-pages";

    private static final String PROBLEM = "Problem";

    /** Each problem answer: its status, the name it has under components, and the kinds it carries. */
    record Answer(String status, String name, String kinds) {}

    static final List<Answer> ANSWERS = List.of(
            new Answer(
                    "400",
                    "BadRequest",
                    "bad-request, bad-header, invalid-json, invalid-form, invalid-query, invalid-search,"
                            + " invalid-file-name, upload-interrupted, oidc-invalid-state"),
            new Answer("401", "Unauthenticated", "unauthenticated, sign-in-failed, oidc-sign-in-failed"),
            new Answer(
                    "403",
                    "Forbidden",
                    "forbidden, insufficient-scope, csrf, account-disabled, no-account, wrong-password, embargoed (a data"
                            + " file whose embargo holds: the problem says when it opens), access-not-granted (an"
                            + " original whose request is not granted now: the problem says why)"),
            new Answer("404", "NotFound", "not-found (also for what exists but is not the caller's)"),
            new Answer("406", "NotAcceptable", "not-acceptable: the syntaxes offered are named"),
            new Answer(
                    "409",
                    "Conflict",
                    "conflict, privacy-gate, no-files, version-in-progress, already-withdrawn, analysis-budget-spent"),
            new Answer(
                    "410",
                    "Gone",
                    "withdrawn: the dataset was withdrawn; its tombstone says why. link-gone: a reviewer link that"
                            + " expired or was revoked. original-gone: an original erased or withdrawn since its grant"),
            new Answer("412", "PreconditionFailed", "precondition-failed: If-Match does not hold the file's ETag"),
            new Answer("413", "TooLarge", "too-large, form-too-large"),
            new Answer("415", "UnsupportedMediaType", "unsupported-media-type, unsupported-charset"),
            new Answer(
                    "416",
                    "RangeNotSatisfiable",
                    "range-not-satisfiable: the range starts past the file's end; Content-Range says its size"),
            new Answer(
                    "422",
                    "Unprocessable",
                    "invalid-body, invalid-json, invalid-form, invalid-metadata, invalid-csv, invalid-csvw,"
                            + " invalid-constraint, invalid-settings, invalid-token, weak-password, invalid-account,"
                            + " invalid-review, invalid-override, invalid-reason, invalid-identity, invalid-link, invalid-terms,"
                            + " invalid-request, invalid-analysis; errors[] says"
                            + " where (file, row, column, JSON pointer)"),
            new Answer(
                    "429",
                    "TooManyRequests",
                    "too-many-uploads, too-many-attempts, too-many-analyses; Retry-After says when"),
            new Answer("500", "Internal", "internal: incident names the failure in the server's log"),
            new Answer(
                    "503",
                    "Unavailable",
                    "database-unavailable, search-unavailable, store-unavailable, oidc-unavailable; Retry-After says"
                            + " when"));

    @Override
    public void filterOpenAPI(OpenAPI document) {
        List<String> pages = new ArrayList<>();
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path :
                    Map.copyOf(document.getPaths().getPathItems()).entrySet()) {
                if (!path.getKey().startsWith(API)) {
                    path.getValue().getOperations().keySet().forEach(m -> pages.add(m + " " + path.getKey()));
                    document.getPaths().removePathItem(path.getKey());
                }
            }
        }
        Collections.sort(pages);
        // the site's other routes, named so a client (and the HTTP fuzz test) knows they exist
        document.addExtension(PAGES, pages);
        onceEach(document);
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        Components components = document.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        for (Answer answer : ANSWERS) {
            components.addResponse(
                    answer.name(),
                    OASFactory.createAPIResponse()
                            .description("A problem: " + answer.kinds())
                            .content(OASFactory.createContent()
                                    .addMediaType(
                                            Problem.MEDIA_TYPE,
                                            OASFactory.createMediaType()
                                                    .schema(OASFactory.createSchema()
                                                            .ref("#/components/schemas/" + PROBLEM)))));
        }
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            forEachOperation(document, (path, method, op) -> addAnswers(path, method, op, document));
        }
    }

    /**
     * What the runtime writes that the OpenAPI schema does not allow, mended: a tag declared once
     * per resource class is listed once; operation ids, made from Java method names, are unique
     * (a repeated one becomes the method and path in camel case); Payara's own {@code endpoints}
     * member (each path's server URLs) is emptied, and then left out.
     */
    static void onceEach(OpenAPI document) {
        if (document.getTags() != null) {
            Map<String, Tag> tags = new LinkedHashMap<>();
            for (Tag tag : document.getTags()) {
                Tag kept = tags.get(tag.getName());
                if (kept == null || kept.getDescription() == null) {
                    tags.put(tag.getName(), tag);
                }
            }
            document.setTags(new ArrayList<>(tags.values()));
        }
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            Map<String, Integer> uses = new HashMap<>();
            forEachOperation(document, (path, method, op) -> {
                if (op.getOperationId() != null) {
                    uses.merge(op.getOperationId(), 1, Integer::sum);
                }
            });
            forEachOperation(document, (path, method, op) -> {
                if (op.getOperationId() == null || uses.get(op.getOperationId()) > 1) {
                    op.setOperationId(camel(method.name().toLowerCase(Locale.ROOT) + " " + path));
                }
            });
        }
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new TreeMap<>());
        } catch (ReflectiveOperationException notPayaras) {
            // another runtime's model has no such member
        }
    }

    /** {@code get /api/datasets/{id}} as {@code getApiDatasetsId}. */
    static String camel(String words) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : words.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        return out.toString();
    }

    private interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation op);
    }

    private static void forEachOperation(OpenAPI document, OperationVisitor visitor) {
        for (Map.Entry<String, PathItem> path :
                document.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                visitor.visit(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    /** An annotation's unset {@code multipleOf} arrives as 0, which no schema may have. */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
            schema.setMultipleOf(null);
        }
        return schema;
    }

    private static void addAnswers(String path, PathItem.HttpMethod method, Operation op, OpenAPI document) {
        List<String> statuses = new ArrayList<>();
        boolean takesBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        boolean secured = op.getSecurity() != null
                ? !op.getSecurity().isEmpty()
                : document.getSecurity() != null && !document.getSecurity().isEmpty();
        statuses.add("400");
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (path.startsWith(API + "catalog")) {
            statuses.add("406");
        }
        if (path.contains("/datasets/{id}")) {
            statuses.add("410");
        }
        if (takesBody) {
            statuses.addAll(List.of("409", "413", "415", "422"));
        }
        if (!secured
                && path.startsWith(API + "datasets/")
                && (path.endsWith("/files/{name}") || path.endsWith("/files.zip"))) {
            statuses.add("403"); // a data file under embargo
        }
        if (path.startsWith(API + "datasets/") && path.endsWith("/files/{name}")) {
            // a published file's download: If-Match and Range
            statuses.addAll(List.of("412", "416"));
        }
        statuses.addAll(List.of("429", "500", "503"));
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        for (Answer answer : ANSWERS) {
            if (statuses.contains(answer.status()) && !responses.hasAPIResponse(answer.status())) {
                responses.addAPIResponse(
                        answer.status(), OASFactory.createAPIResponse().ref("#/components/responses/" + answer.name()));
            }
        }
        op.setResponses(responses);
    }

    /** {@link Problem} and its {@link Problem.Where}, as JSON Schema. */
    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema where = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("Where the problem is, as far as known")
                .addProperty("file", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty(
                        "row",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.INTEGER)
                                .description("1-based line of the file"))
                .addProperty("column", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty(
                        "pointer",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description("JSON path into the request body"))
                .addProperty("message", text);
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem; never quotes a deposited value")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description(Problem.TYPES + "{kind}, or about:blank for HTTP's own refusals"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty(
                        "errors",
                        OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(where))
                .addProperty(
                        "incident",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .description("For a 500 only: the id to quote when reporting it"))
                .required(List.of("type", "title", "status"));
    }
}
