package org.facsimile.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests over every route of the running stack: the routes of its own OpenAPI
 * document plus the harvesting endpoints, with every kind of credential (none, forged, revoked,
 * read-only, the owner's, another depositor's, a curator's, an admin's, a session with and without
 * its CSRF token), methods, content types, bodies and path segments drawn at random from a seed.
 * The test fails on any 5xx, on an API refusal that is not problem+json, on an answer without the
 * security headers, on any answer that quotes a private cell or the private title of another
 * account's deposit, and on any answer to another account's deposit but a refusal that says
 * nothing of it. {@code -Dfuzz.requests=N} and {@code -Dfuzz.seed=S} replay or widen a run.
 */
class HttpFuzzIT {

    private static final String MARKER = "qx-private-cell-5b1d";
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261206L);
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    /** Who sends a request: an Authorization or Cookie header set, and whether it owns the deposit. */
    private record Caller(String name, List<String> headers, boolean owner, boolean other) {}

    private record Route(String method, String template) {}

    /** Answers the servlet container gave itself, counted and reported, not the application's. */
    private static final java.util.concurrent.atomic.AtomicInteger CONTAINER =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Sends each request with the caller's headers only. */
    private static ApiClient anyone;

    private static String deposit;
    private static final List<Caller> CALLERS = new ArrayList<>();
    private static final List<Route> ROUTES = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        ApiClient admin = RunningRepository.admin();
        anyone = admin.as(null);
        ApiClient owner = RunningRepository.newAccount("fuzz-owner", "DEPOSITOR", "fuzz owner passphrase 41");
        ApiClient other = RunningRepository.newDepositor("fuzz-other");
        ApiClient curator = RunningRepository.newAccount("fuzz-curator", "CURATOR", null);
        deposit = DepositToPublishIT.createDeposit(owner, "Private title " + MARKER);
        StringBuilder csv = new StringBuilder("id,name,ward,age\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i)
                    .append(',')
                    .append(MARKER)
                    .append('-')
                    .append(i)
                    .append(",w")
                    .append(i % 4)
                    .append(',')
                    .append(20 + i)
                    .append('\n');
        }
        assertEquals(
                201,
                owner.put(
                                "/api/deposits/" + deposit + "/files/patients.csv",
                                "text/csv",
                                csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status());
        ApiClient.Reply read = owner.post(
                "/api/account/tokens",
                ApiClient.json(Map.of("label", "fuzz read", "scopes", List.of("read"), "expiresInDays", 1)));
        ApiClient.Reply revoked = owner.post(
                "/api/account/tokens",
                ApiClient.json(Map.of("label", "fuzz revoked", "scopes", List.of("read"), "expiresInDays", 1)));
        assertEquals(
                200,
                owner.delete("/api/account/tokens/" + revoked.json().path("id").asText())
                        .status());
        ApiClient.Reply session = owner.as(null)
                .post(
                        "/api/auth/session",
                        ApiClient.json(Map.of("username", "fuzz-owner", "password", "fuzz owner passphrase 41")));
        assertEquals(200, session.status(), session.body());
        String cookie = session.raw().headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
        String csrf = session.json().path("csrfToken").asText();
        String csrfHeader = session.json().path("csrfHeader").asText();

        CALLERS.add(new Caller("nobody", List.of(), false, false));
        CALLERS.add(new Caller(
                "forged", List.of("Authorization", "Bearer fcsm_forged-" + UUID.randomUUID()), false, false));
        CALLERS.add(new Caller("not bearer", List.of("Authorization", "Basic YWRtaW46YWRtaW4="), false, false));
        CALLERS.add(new Caller("revoked", bearer(revoked.json().path("token").asText()), false, false));
        CALLERS.add(new Caller("owner", bearer(owner.token()), true, false));
        CALLERS.add(
                new Caller("owner read-only", bearer(read.json().path("token").asText()), true, false));
        CALLERS.add(new Caller("owner session", List.of("Cookie", cookie, csrfHeader, csrf), true, false));
        CALLERS.add(new Caller("owner session, no CSRF", List.of("Cookie", cookie), true, false));
        CALLERS.add(new Caller("other depositor", bearer(other.token()), false, true));
        CALLERS.add(new Caller("curator", bearer(curator.token()), false, true));
        CALLERS.add(new Caller("admin", bearer(admin.token()), false, true));

        JsonNode openapi = anyone.get("/openapi", "application/json").json();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (METHODS.contains(method)) {
                    ROUTES.add(new Route(method, path.getKey()));
                }
            }
        }
        // the pages are not API: the document names them apart, as "METHOD /path"
        for (JsonNode page : openapi.path("x-pages")) {
            String[] route = page.asText().split(" ", 2);
            if (METHODS.contains(route[0])) {
                ROUTES.add(new Route(route[0], route[1]));
            }
        }
        assertTrue(ROUTES.size() >= 70, "the OpenAPI document lists the routes and pages: " + ROUTES.size());
        // and one path that is no route at all
        ROUTES.add(new Route("GET", "/catalog"));
    }

    private static List<String> bearer(String token) {
        return List.of("Authorization", "Bearer " + token);
    }

    @Test
    void tenThousandHostileRequestsNoServerErrorNoLeakNoAccess() throws Exception {
        Random seeds = new Random(SEED);
        AtomicIntegerArray classes = new AtomicIntegerArray(6);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long seed = seeds.nextLong();
                int n = i;
                work.add(pool.submit(() -> {
                    String failure = probe(n, new Random(seed), classes);
                    if (failure != null) {
                        failures.add(failure);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> byClass = new TreeMap<>();
        for (int c = 1; c < 6; c++) {
            byClass.put(c + "xx", classes.get(c));
        }
        System.out.println("[HttpFuzzIT] " + REQUESTS + " requests over " + ROUTES.size() + " routes, seed " + SEED
                + ": " + byClass + ", of which " + CONTAINER.get() + " refused by the container itself");
        List<String> shown = new ArrayList<>(failures);
        Collections.sort(shown);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " failures, first ones:\n"
                        + String.join("\n", shown.subList(0, Math.min(30, shown.size()))));
        assertTrue(classes.get(2) > REQUESTS / 50, "some requests were answered, not all refused: " + byClass);
    }

    /** Sends one generated request; returns why its answer is wrong, or null. */
    private static String probe(int n, Random random, AtomicIntegerArray classes) throws Exception {
        Route route = ROUTES.get(random.nextInt(ROUTES.size()));
        Caller caller = CALLERS.get(random.nextInt(CALLERS.size()));
        String method = random.nextInt(100) < 85 ? route.method() : METHODS.get(random.nextInt(METHODS.size()));
        if (skipped(route, method, caller)) {
            method = "GET";
        }
        String path = fill(route.template(), random) + query(random);
        List<String> headers = new ArrayList<>(caller.headers());
        String accept = pick(
                random,
                null,
                "application/json",
                "text/html",
                "*/*",
                "text/turtle",
                "application/ld+json",
                "application/xml",
                "garbage",
                "text/html;q=abc",
                "application/vnd.datacite.datacite+xml");
        if (accept != null) {
            headers.addAll(List.of("Accept", accept));
        }
        if (random.nextInt(20) == 0) {
            headers.addAll(List.of("Accept-Language", String.join(",", Collections.nCopies(420, "en-US;q=0.5"))));
        }
        String type = null;
        String body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && random.nextInt(10) > 0) {
            type = pick(
                    random,
                    null,
                    "application/json",
                    "application/json; charset=bogus",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=zz",
                    "text/csv",
                    "application/xml",
                    "application/csvm+json",
                    "garbage/!!");
            body = body(type, random);
            if (type != null) {
                headers.addAll(List.of("Content-Type", type));
            }
        }
        ApiClient.Reply answer = anyone.send(method, path, body, headers.toArray(String[]::new));
        int status = answer.status();
        classes.incrementAndGet(Math.min(5, status / 100));
        String what =
                "#" + n + " " + caller.name() + " " + method + " " + abbreviated(path) + " (" + type + ") -> " + status;
        String contentType = Objects.requireNonNullElse(answer.header("Content-Type"), "");
        boolean secured = "nosniff".equals(answer.header("X-Content-Type-Options"));
        if (status == 400 && !secured && answer.body().isEmpty()) {
            // Payara refuses a NUL or a bad escape in the path, and a DELETE with a body, before the
            // application sees the request: empty, without our headers (payara/Payara#8000)
            CONTAINER.incrementAndGet();
            return null;
        }
        if (status == 503
                && contentType.startsWith("application/problem+json")
                && answer.header("Retry-After") != null) {
            return null; // a service this node needs is away (the tests' OpenID provider is not running)
        }
        if (status >= 500) {
            return what + ": a server error " + abbreviated(answer.body());
        }
        if (!secured) {
            return what + ": no security headers";
        }
        if (path.startsWith("/api/")
                && !path.startsWith("/api/oai")
                && status >= 400
                && !method.equals("HEAD")
                && !contentType.startsWith("application/problem+json")) {
            return what + ": an API refusal as " + contentType;
        }
        if (!caller.owner() && answer.body() != null && answer.body().contains(MARKER)) {
            return what + ": quotes the owner's private data";
        }
        // pages read only a session, which the other accounts here do not have (they are anonymous
        // there); OPTIONS describes a route, the same for any id
        if (caller.other()
                && path.startsWith("/api/")
                && path.contains(deposit)
                && !path.startsWith("/api/admin/")
                && !method.equals("OPTIONS")
                // a credential without the route's scope is refused before any deposit is looked up
                && !(status == 403 && answer.body().contains("insufficient-scope"))
                && ((status >= 200 && status < 300) || status == 403 || status == 409 || status == 422)) {
            return what + ": another account's deposit answered";
        }
        return null;
    }

    /**
     * Requests left out so the run leaves the shared stack as it found it: no synthesis queued for
     * an hour of training, no input erased, no sign-in failures counted against this address, the
     * owner's session not signed out, and no admin maintenance over the whole store.
     */
    private static boolean skipped(Route route, String method, Caller caller) {
        String t = route.template();
        if (t.equals("/api/auth/session") && method.equals("POST") || t.equals("/sign-in") && method.equals("POST")) {
            return true;
        }
        if (caller.owner() && (t.endsWith("/submit") || t.endsWith("/input") || t.endsWith("/publish"))) {
            return true;
        }
        if (caller.name().startsWith("owner session")
                && (t.equals("/sign-out") || t.equals("/api/auth/session") && method.equals("DELETE"))) {
            return true; // the session stays signed in for the whole run
        }
        return caller.name().equals("admin")
                && (t.startsWith("/api/admin/storage") || t.startsWith("/api/admin/search"));
    }

    /** The template with each {@code {name}} or {@code {name: regex}} (braces nest) replaced. */
    private static String fill(String template, Random random) {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                path.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            do {
                depth += template.charAt(end) == '{' ? 1 : template.charAt(end) == '}' ? -1 : 0;
                end++;
            } while (depth > 0 && end < template.length());
            String name = template.substring(i + 1, end - 1).split("[:\\s]", 2)[0];
            path.append(segment(value(name, random)));
            i = end;
        }
        return path.toString();
    }

    private static String value(String parameter, Random random) {
        return switch (parameter) {
            case "id" ->
                pick(
                        random,
                        deposit,
                        deposit,
                        UUID.randomUUID().toString(),
                        "not-a-uuid",
                        "00000000-0000-0000-0000-000000000000",
                        "<script>",
                        "' OR '1'='1",
                        "x".repeat(300),
                        "%00");
            case "name" ->
                pick(
                        random,
                        "patients.csv",
                        "a b.csv",
                        "x.json",
                        "data.jsonl",
                        "..%2f..%2fetc",
                        "\u00e9.csv",
                        "x".repeat(300) + ".csv",
                        "nul\u0000.csv",
                        "progress.js",
                        "nope.js");
            case "version" -> pick(random, "1", "2", "0", "-1", "99999999999", "v1", "1.5");
            case "format" -> pick(random, "bibtex", "ris", "csl", "datacite", "turtle", "jsonld", "nope");
            case "doi" -> pick(random, "10.5072/abc", "10.5072/" + deposit, "not/a/doi", "x");
            default -> pick(random, "x", "1", "facsimile", "%");
        };
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final List<String> QUERY_KEYS = List.of(
            "q",
            "sort",
            "page",
            "size",
            "cursor",
            "verb",
            "metadataPrefix",
            "format",
            "limit",
            "actor",
            "targetId",
            "returnTo",
            "from",
            "until",
            "set",
            "resumptionToken",
            "subject",
            "licence",
            "state",
            "code",
            "error");
    private static final List<String> NASTY = List.of(
            "",
            "1",
            "-1",
            "99999999999999999999",
            "newest",
            "relevance",
            "title:(",
            "*",
            "\"",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "https://evil.example/",
            "//evil.example",
            "\u0000",
            "\u00e9\u00e8",
            "oai_dc",
            "ListRecords",
            "2026-01-01",
            "x".repeat(2000),
            "../../etc/passwd",
            "{\"a\":1}",
            "%");

    private static String query(Random random) {
        if (random.nextInt(3) == 0) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        for (int i = random.nextInt(4); i >= 0; i--) {
            q.append(segment(QUERY_KEYS.get(random.nextInt(QUERY_KEYS.size()))))
                    .append('=')
                    .append(segment(NASTY.get(random.nextInt(NASTY.size()))))
                    .append('&');
        }
        return q.substring(0, q.length() - 1);
    }

    private static final List<String> MEMBERS = List.of(
            "title",
            "description",
            "creators",
            "keywords",
            "subjects",
            "licence",
            "label",
            "scopes",
            "expiresInDays",
            "sampleRows",
            "trainingSeconds",
            "reason",
            "note",
            "username",
            "newPassword",
            "currentPassword",
            "conditions",
            "differentialPrivacy",
            "synthesizer",
            "seed",
            "justification",
            "issuer",
            "subject",
            "role",
            "temporalStart",
            "spatial",
            "@context",
            "tableSchema",
            "url");

    private static String body(String type, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "{\"title\":" + "[".repeat(200 + random.nextInt(3000)) + "]".repeat(10) + "}";
        }
        if (kind == 1) {
            return "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        }
        if (kind == 2) {
            StringBuilder bytes = new StringBuilder();
            for (int i = random.nextInt(300); i > 0; i--) {
                bytes.append((char) random.nextInt(0x3000));
            }
            return bytes.toString();
        }
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            StringBuilder form = new StringBuilder();
            for (int i = random.nextInt(5); i >= 0; i--) {
                form.append(segment(pick(
                                random,
                                "csrf",
                                "title",
                                "description",
                                "reason",
                                "note",
                                "label",
                                "scope",
                                "expiresInDays",
                                "synthesizer",
                                "sampleRows",
                                "trainingSeconds",
                                "epsilon",
                                "verb")))
                        .append('=')
                        .append(
                                random.nextInt(8) == 0
                                        ? "%00"
                                        : random.nextInt(8) == 0
                                                ? "%ZZ"
                                                : segment(NASTY.get(random.nextInt(NASTY.size()))))
                        .append('&');
            }
            return form.toString();
        }
        if (type != null && type.startsWith("text/csv")) {
            return "a,b\n1,2\n\"unterminated,3\n";
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = random.nextInt(5); i >= 0; i--) {
            json.append('"')
                    .append(MEMBERS.get(random.nextInt(MEMBERS.size())))
                    .append("\":")
                    .append(value(random, 0))
                    .append(',');
        }
        json.setLength(json.length() - 1);
        json.append('}');
        return random.nextInt(6) == 0 ? json.substring(0, random.nextInt(json.length())) : json.toString();
    }

    private static String value(Random random, int depth) {
        return switch (depth > 2 ? random.nextInt(6) : random.nextInt(9)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> pick(random, "0", "-1", "1e12", "9223372036854775807", "1.5", "1e999", "4");
            case 3 -> "\"\\u0000\"";
            case 4 -> "\"\\ud800\"";
            case 5 ->
                "\"" + pick(random, "", "read", "argn", "baseline", "HEAL", "x".repeat(5000), "2026-01-01", "<b>")
                        + "\"";
            case 6 -> "[" + value(random, depth + 1) + "," + value(random, depth + 1) + "]";
            case 7 -> "{\"" + MEMBERS.get(random.nextInt(MEMBERS.size())) + "\":" + value(random, depth + 1) + "}";
            default -> "[]";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviated(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "..." : one;
    }
}
