package org.facsimile.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search benchmark (a command, not a test): {@code mvn -B -pl launcher -am -Pbench-search
 * -DskipTests verify}. It starts the whole repository, indexes 100,000 generated dataset records
 * into its search index, and with wrk on loopback runs a mix of queries (words, phrases,
 * exclusions, field queries, facet filters; every answer with its seven facets counted and its
 * snippets highlighted) against our search API and, in the same run, the very same queries sent
 * straight to Elasticsearch, at 1, 4 and 32 connections for 20 s each. The raw queries are not
 * written by hand: the web node is pointed once at a recording proxy, so the requests replayed
 * (path, media types, body) are exactly what our API sends. A third row, the floor, is the web
 * node answering a search it refuses without asking Elasticsearch: its own cost per request.
 * Figures are printed as ratios to raw Elasticsearch's; targets: throughput at least 0.85x and p95
 * at most 1.2x at each concurrency. Elasticsearch gets a little faster as a run goes on, so raw is
 * measured before ours at each step (any drift favours raw, never us).
 */
public final class SearchBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String[] WORDS = {
        "heath", "moor", "dune", "saltmarsh", "wetland", "meadow", "woodland", "coppice", "hedgerow", "estuary",
        "orchid", "lichen", "beetle", "moth", "bat", "vole", "otter", "curlew", "lapwing", "skylark",
        "income", "tenure", "household", "clinic", "admission", "ward", "school", "pupil", "commute", "rail",
        "energy", "tariff", "rainfall", "drought", "harvest", "yield", "census", "parish", "survey", "register"
    };
    private static final String[] KEYWORDS = {
        "birds", "mammals", "insects", "plants", "health", "education", "transport", "energy", "climate", "farming",
        "housing", "labour", "migration", "coasts", "rivers", "uplands", "cities", "villages", "panel", "cohort"
    };
    private static final String[] SUBJECTS = {
        "AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"
    };

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        Path wrk = Path.of(System.getProperty("bench.wrk", "/usr/bin/wrk"));
        if (!Files.isExecutable(wrk)) {
            throw new IllegalStateException("wrk is needed: apt-get install wrk (Debian's package)");
        }
        Path data = Files.createTempDirectory("facsimile-bench-");
        LaunchOptions options = new LaunchOptions(
                data,
                LaunchOptions.defaultRuntime(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                RunningRepository.freePort(),
                0, // files in a folder
                false,
                1,
                30,
                Map.of());
        try (Stack stack = new Stack(options).start()) {
            String es = stack.elasticsearchUrl();
            String alias = awaitAlias(es);
            say("indexing " + records + " generated records into " + alias);
            long t0 = System.nanoTime();
            index(es, alias, records);
            say(String.format(Locale.ROOT, "indexed in %.1f s", (System.nanoTime() - t0) / 1e9));

            List<String> paths = queries();
            List<String[]> raw = capture(stack, es, paths);
            Path scripts = data.resolve("wrk");
            Files.createDirectories(scripts);
            Path api = script(
                    scripts.resolve("api.lua"),
                    paths.stream().map(p -> new String[] {"GET", p, null}).toList());
            Path direct = script(scripts.resolve("raw.lua"), raw);
            // the web node's own floor: a request it refuses without asking Elasticsearch
            Path floor = script(
                    scripts.resolve("floor.lua"),
                    List.<String[]>of(new String[] {"GET", "/api/search?unknown=1", null}),
                    true);

            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    Locale.ROOT,
                    "search benchmark: %,d records, %d queries in the mix, 7 facets + highlighting, %d s per run",
                    records,
                    paths.size(),
                    seconds));
            lines.add("(API floor: a search the web node refuses (400) without asking Elasticsearch: its own cost)");
            lines.add(String.format(
                    Locale.ROOT,
                    "%-5s %-10s %9s %9s %9s %9s %7s",
                    "conns",
                    "target",
                    "req/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "errors"));
            String hold = System.getProperty("bench.hold", "");
            if (!hold.isBlank()) {
                hold(stack, hold, api, direct, es);
            }
            List<String> ratios = new ArrayList<>();
            // The web node's JIT compiler has far more to compile than Elasticsearch's (the whole
            // application server's request path), on the same two cores: after 20 s of load its C2
            // thread still took a fifth of a core. One long warm-up of each before measuring.
            run(wrk, direct, es, 4, 15);
            run(wrk, api, stack.baseUrl(), 4, 60);
            for (int connections : new int[] {1, 4, 32}) {
                // warm both, then measure raw first and ours right after, on the same index
                run(wrk, direct, es, connections, 5);
                run(wrk, api, stack.baseUrl(), connections, 5);
                double[] r = run(wrk, direct, es, connections, seconds);
                double[] o = run(wrk, api, stack.baseUrl(), connections, seconds);
                lines.add(row(connections, "raw ES", r));
                lines.add(row(connections, "our API", o));
                lines.add(row(connections, "API floor", run(wrk, floor, stack.baseUrl(), connections, seconds)));
                ratios.add(String.format(
                        Locale.ROOT,
                        "%2d connections: throughput %.2fx raw (target >= 0.85), p95 %.2fx raw (target <= 1.2)%s",
                        connections,
                        o[0] / r[0],
                        o[2] / r[2],
                        o[0] / r[0] >= 0.85 && o[2] / r[2] <= 1.2 ? "" : "  <- misses a target"));
            }
            lines.add("");
            lines.addAll(ratios);
            lines.add("");
            lines.addAll(breakdown(stack.baseUrl(), paths));
            if (Boolean.getBoolean("bench.profile")) {
                lines.add("");
                lines.addAll(profile(wrk, api, stack.baseUrl(), seconds));
            }
            Path report = Path.of("target", "search-benchmark.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, lines);
            lines.forEach(System.out::println);
        } finally {
            ChildProcess.deleteTree(data);
        }
    }

    /**
     * For experiments by hand ({@code -Dbench.hold=/tmp/stop}): with the index loaded and the wrk
     * scripts written, the stack stays up until the file {@code hold} exists, printing where the
     * scripts and servers are; a file {@code hold.restart} restarts the web node (with whatever
     * WAR is in the runtime folder now), so that two builds can be compared on one index.
     */
    private static void hold(Stack stack, String hold, Path api, Path direct, String es) throws Exception {
        System.out.println("HOLD api=" + api + " raw=" + direct + " web=" + stack.baseUrl() + " es=" + es);
        Path restart = Path.of(hold + ".restart");
        while (!Files.exists(Path.of(hold))) {
            if (Files.exists(restart)) {
                Files.delete(restart);
                stack.restartWeb(Map.of());
                System.out.println("RESTARTED");
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Where one search's time goes, from the web node's Server-Timing header over the query mix
     * asked one at a time (medians, ms): as the caller saw it, the web node's search work, its round
     * trip to Elasticsearch, and Elasticsearch's own time. The difference between the first two is
     * the HTTP and JAX-RS work around a search; between the round trip and Elasticsearch's own time,
     * the transport.
     */
    private static List<String> breakdown(String url, List<String> paths) throws IOException, InterruptedException {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (String name : List.of("caller", "answer", "search", "es-trip", "es")) {
            figures.put(name, new ArrayList<>());
        }
        java.util.regex.Pattern dur = java.util.regex.Pattern.compile("([a-z-]+);dur=([0-9.]+)");
        List<Integer> sizes = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (String path : paths) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                double caller = (System.nanoTime() - t0) / 1e6;
                String timing = r.headers().firstValue("Server-Timing").orElse("");
                if (r.statusCode() != 200 || timing.isEmpty()) {
                    throw new IOException(path + " -> " + r.statusCode() + " without Server-Timing");
                }
                figures.get("caller").add(caller);
                sizes.add(r.body().length);
                java.util.regex.Matcher m = dur.matcher(timing);
                while (m.find()) {
                    figures.get(m.group(1)).add(Double.parseDouble(m.group(2)));
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("where a search's time goes (1 connection, "
                + figures.get("caller").size() + " searches, medians from the Server-Timing header):");
        String[] labels = {
            "as the caller saw it",
            "the web node's answer, written",
            "its search (request, call, reading)",
            "its round trip to Elasticsearch",
            "Elasticsearch's own time (took)"
        };
        int i = 0;
        for (List<Double> values : figures.values()) {
            List<Double> sorted = values.stream().sorted().toList();
            out.add(String.format(
                    Locale.ROOT,
                    "  %-34s %7.2f ms",
                    labels[i++],
                    sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2)));
        }
        List<Integer> sorted = sizes.stream().sorted().toList();
        out.add(String.format(
                Locale.ROOT,
                "  answers of %,d bytes (median; largest %,d)",
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1)));
        return out;
    }

    /**
     * Where the web node spends its time answering searches: a Java Flight Recorder sample of it
     * during one more run (4 connections), as the methods most often on top of the stack and the
     * frames of ours and of the libraries we call most often anywhere in it.
     */
    private static List<String> profile(Path wrk, Path api, String url, int seconds)
            throws IOException, InterruptedException {
        long pid = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
                .findFirst()
                .orElseThrow(() -> new IOException("no web node process"))
                .pid();
        Path recording = Path.of("target", "search-profile.jfr").toAbsolutePath();
        String jdk = Path.of(System.getProperty("java.home"), "bin").toString();
        exec(jdk + "/jcmd", Long.toString(pid), "JFR.start", "name=bench", "settings=profile");
        run(wrk, api, url, 4, seconds);
        exec(jdk + "/jcmd", Long.toString(pid), "JFR.dump", "name=bench", "filename=" + recording);
        exec(jdk + "/jcmd", Long.toString(pid), "JFR.stop", "name=bench");
        String printed = exec(jdk + "/jfr", "print", "--events", "jdk.ExecutionSample", recording.toString());
        Map<String, Integer> top = new java.util.HashMap<>();
        Map<String, Integer> anywhere = new java.util.HashMap<>();
        int samples = 0;
        for (String event : printed.split("jdk.ExecutionSample \\{")) {
            int start = event.indexOf("stackTrace = [");
            if (start < 0) {
                continue;
            }
            samples++;
            String[] frames = event.substring(start + 14).split("\n");
            boolean first = true;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String frame : frames) {
                String f = frame.trim().replaceAll("\\s+line:.*", "");
                if (f.isEmpty() || f.equals("...") || f.startsWith("]")) {
                    continue;
                }
                if (first) {
                    top.merge(f, 1, Integer::sum);
                    first = false;
                }
                String owner = f.replaceAll("\\(.*", "");
                if ((owner.startsWith("org.facsimile")
                                || owner.startsWith("co.elastic")
                                || owner.startsWith("org.yasson")
                                || owner.startsWith("org.eclipse.yasson")
                                || owner.startsWith("com.fasterxml")
                                || owner.startsWith("org.glassfish.jersey")
                                || owner.startsWith("org.apache.http"))
                        && seen.add(owner)) {
                    anywhere.merge(owner, 1, Integer::sum);
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add("web node profile (JFR, " + samples + " samples, 4 connections; the recording: " + recording + "):");
        out.add("  on top of the stack:");
        int total = Math.max(samples, 1);
        top.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(e ->
                        out.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / total, e.getKey())));
        out.add("  anywhere in the stack (ours and the libraries on the search path):");
        anywhere.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(25)
                .forEach(e ->
                        out.add(String.format(Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / total, e.getKey())));
        return out;
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static String row(int connections, String target, double[] m) {
        return String.format(
                Locale.ROOT,
                "%-5d %-10s %9.1f %9.1f %9.1f %9.1f %7d",
                connections,
                target,
                m[0],
                m[1],
                m[2],
                m[3],
                (long) m[4]);
    }

    /** Runs wrk; returns requests/s, p50, p95, p99 (ms) and the errors (non-2xx, socket). */
    private static double[] run(Path wrk, Path script, String url, int connections, int seconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        wrk.toString(),
                        "-t",
                        Integer.toString(Math.min(connections, 2)),
                        "-c",
                        Integer.toString(connections),
                        "-d",
                        seconds + "s",
                        "--timeout",
                        "30s",
                        "-s",
                        script.toString(),
                        url)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                double requests = Double.parseDouble(f[1]);
                double micros = Double.parseDouble(f[2]);
                return new double[] {
                    requests / (micros / 1e6),
                    Double.parseDouble(f[4]) / 1000,
                    Double.parseDouble(f[5]) / 1000,
                    Double.parseDouble(f[6]) / 1000,
                    Double.parseDouble(f[3])
                };
            }
        }
        throw new IOException("no result from wrk: " + out);
    }

    /** A wrk script that sends the requests round robin and prints its figures as one line. */
    private static Path script(Path file, List<String[]> requests) throws IOException {
        return script(file, requests, false);
    }

    /** @param refusals whether 4xx answers are the point (the floor) rather than errors */
    private static Path script(Path file, List<String[]> requests, boolean refusals) throws IOException {
        StringBuilder lua = new StringBuilder("local expected4xx = " + refusals + "\nlocal requests = {\n");
        for (String[] r : requests) {
            lua.append("  {\"")
                    .append(r[0])
                    .append("\", [==[")
                    .append(r[1])
                    .append("]==], ")
                    .append(r[2] == null ? "nil" : "[==[" + r[2] + "]==]");
            for (int h = 3; h < r.length; h++) {
                lua.append(", ").append(r[h] == null ? "nil" : "[==[" + r[h] + "]==]");
            }
            lua.append("},\n");
        }
        lua.append("}\nlocal i = 0\n")
                .append("request = function()\n")
                .append("  i = (i % #requests) + 1\n")
                .append("  local r = requests[i]\n")
                .append("  local headers = nil\n")
                .append("  if r[3] then headers = {[\"Content-Type\"] = r[4] or \"application/json\"} end\n")
                .append("  if r[5] then headers[\"Accept\"] = r[5] end\n")
                .append("  return wrk.format(r[1], r[2], headers, r[3])\n")
                .append("end\n")
                .append("done = function(summary, latency, requests)\n")
                .append("  local e = summary.errors\n")
                .append("  io.write(string.format(\"RESULT %d %d %d %d %d %d\\n\", summary.requests,")
                .append(
                        " summary.duration, e.connect + e.read + e.write + e.timeout + (expected4xx and 0 or e.status),")
                .append(" latency:percentile(50), latency:percentile(95), latency:percentile(99)))\n")
                .append("end\n");
        Files.writeString(file, lua);
        return file;
    }

    /**
     * The query mix as our API takes it: words, phrases, exclusions, field queries, and up to five
     * facet filters at once.
     */
    private static List<String> queries() {
        Random random = new Random(7);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String a = WORDS[random.nextInt(WORDS.length)];
            String b = WORDS[random.nextInt(WORDS.length)];
            Map<String, String> params = new LinkedHashMap<>();
            switch (i % 6) {
                case 0 -> params.put("q", a + " " + b);
                case 1 -> {
                    params.put("q", a);
                    params.put("keyword", KEYWORDS[random.nextInt(KEYWORDS.length)]);
                }
                case 2 -> params.put("q", "\"" + a + " survey\"");
                case 3 -> {
                    params.put("q", a + " -" + b);
                    params.put("licence", "cc-by-4.0");
                    params.put("year", Integer.toString(2018 + random.nextInt(8)));
                }
                case 4 -> {
                    params.put("q", "title:" + a);
                    params.put("sort", "newest");
                    params.put("subject", SUBJECTS[random.nextInt(SUBJECTS.length)]);
                }
                default -> {
                    params.put("q", a);
                    params.put("keyword", KEYWORDS[random.nextInt(KEYWORDS.length)]);
                    params.put("subject", SUBJECTS[random.nextInt(SUBJECTS.length)]);
                    params.put("licence", random.nextBoolean() ? "cc-by-4.0" : "cc0-1.0");
                    params.put("source", random.nextBoolean() ? "private" : "public");
                    params.put("format", "text/csv");
                }
            }
            StringBuilder path = new StringBuilder("/api/search");
            char sep = '?';
            for (Map.Entry<String, String> p : params.entrySet()) {
                path.append(sep)
                        .append(p.getKey())
                        .append('=')
                        .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            paths.add(path.toString());
        }
        return paths;
    }

    /**
     * The Elasticsearch requests our API makes for each query: the web node is restarted against
     * a proxy that forwards to Elasticsearch and keeps each search request, then back.
     */
    private static List<String[]> capture(Stack stack, String es, List<String> paths) throws Exception {
        Map<String, String[]> seen = new ConcurrentHashMap<>();
        String[] last = new String[1];
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestURI().toString();
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(es + target))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!List.of("host", "content-length", "connection", "transfer-encoding")
                        .contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            try {
                HttpResponse<byte[]> r = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (target.contains("/_search")) {
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    String accept = exchange.getRequestHeaders().getFirst("Accept");
                    // an absent header stays absent in the replay
                    last[0] = exchange.getRequestMethod() + "\n" + target + "\n" + (type == null ? "" : type) + "\n"
                            + (accept == null ? "" : accept) + "\n" + new String(body, StandardCharsets.UTF_8);
                }
                r.headers().map().forEach((name, values) -> {
                    if (!List.of("content-length", "transfer-encoding", "connection")
                            .contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                    }
                });
                exchange.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        proxy.start();
        try {
            stack.restartWeb(Map.of(
                    "FACSIMILE_SEARCH_URL",
                    "http://127.0.0.1:" + proxy.getAddress().getPort()));
            ApiClient anonymous = new ApiClient(stack.baseUrl(), null);
            for (String path : paths) {
                last[0] = null;
                ApiClient.Reply reply = anonymous.get(path);
                if (reply.status() != 200 || last[0] == null) {
                    throw new IOException(path + " -> " + reply.status() + " " + reply.body());
                }
                String[] f = last[0].split("\n", 5);
                seen.put(
                        path,
                        new String[] {f[0], f[1], f[4], f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3]});
            }
        } finally {
            stack.restartWeb(Map.of());
            proxy.stop(0);
        }
        List<String[]> raw = new ArrayList<>();
        for (String path : paths) {
            raw.add(seen.get(path));
        }
        return raw;
    }

    /** The alias the web node created and searches (it makes the index on its first start). */
    private static String awaitAlias(String es) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(es + "/_cat/aliases?format=json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode aliases = ApiClient.MAPPER.readTree(r.body());
            if (aliases.size() > 0) {
                return aliases.get(0).path("alias").asText();
            }
            Thread.sleep(500);
        }
        throw new IOException("the web node made no search index");
    }

    /** Generated dataset records in the index's own shape, bulk-loaded 2,000 at a time. */
    private static void index(String es, String alias, int records) throws Exception {
        Random random = new Random(42);
        StringBuilder bulk = new StringBuilder();
        for (int n = 0; n < records; n++) {
            Map<String, Object> doc = new LinkedHashMap<>();
            String id = new java.util.UUID(42, n).toString();
            String title = cap(word(random)) + " " + word(random) + " and " + word(random) + " survey " + n;
            int year = 2015 + random.nextInt(12);
            doc.put("datasetId", id);
            doc.put("versionId", new java.util.UUID(43, n).toString());
            doc.put("version", 1 + random.nextInt(3));
            doc.put("doi", "10.5072/bench." + n);
            doc.put("title", title);
            doc.put("titleSort", title.toLowerCase(Locale.ROOT));
            StringBuilder description = new StringBuilder("Synthetic twin of a survey of");
            for (int w = 0; w < 18; w++) {
                description.append(' ').append(word(random));
            }
            doc.put("description", description.append('.').toString());
            doc.put("creators", List.of("Surname" + random.nextInt(400) + ", Given" + random.nextInt(50)));
            doc.put(
                    "keywords",
                    List.of(KEYWORDS[random.nextInt(KEYWORDS.length)], KEYWORDS[random.nextInt(KEYWORDS.length)]));
            doc.put("subjects", List.of(SUBJECTS[random.nextInt(SUBJECTS.length)]));
            boolean by = random.nextInt(3) > 0;
            doc.put("licence", by ? "cc-by-4.0" : "cc0-1.0");
            doc.put(
                    "licenceUrl",
                    by
                            ? "https://creativecommons.org/licenses/by/4.0/"
                            : "https://creativecommons.org/publicdomain/zero/1.0/");
            doc.put("synthetic", true);
            boolean pub = random.nextInt(4) == 0;
            doc.put("source", pub ? "public" : "private");
            doc.put("sourceUrl", pub ? "https://example.org/source/" + n : null);
            doc.put("formats", List.of("application/csvm+json", "text/csv", "text/turtle"));
            doc.put("tables", word(random) + " " + word(random));
            StringBuilder columns = new StringBuilder();
            for (int c = 0; c < 6 + random.nextInt(6); c++) {
                columns.append(word(random))
                        .append("_id. ")
                        .append("Share of ")
                        .append(word(random))
                        .append(" per ")
                        .append(word(random))
                        .append(". ");
            }
            doc.put("columns", columns.toString());
            doc.put("published", year + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00Z");
            doc.put("year", year);
            doc.put("rows", 100L + random.nextInt(100_000));
            doc.put("url", "http://localhost/datasets/" + id);
            bulk.append("{\"index\":{\"_id\":\"")
                    .append(id)
                    .append("\"}}\n")
                    .append(ApiClient.MAPPER.writeValueAsString(doc))
                    .append('\n');
            if ((n + 1) % 2000 == 0 || n == records - 1) {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_bulk"))
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofString(bulk.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
                    throw new IOException("bulk indexing failed: "
                            + r.body().substring(0, Math.min(2000, r.body().length())));
                }
                bulk.setLength(0);
            }
        }
        HTTP.send(
                HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HTTP.send(
                HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_forcemerge?max_num_segments=1"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void say(String line) {
        System.out.println("bench: " + line);
    }
}
