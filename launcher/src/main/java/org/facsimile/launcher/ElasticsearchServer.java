package org.facsimile.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Elasticsearch from Maven Central's integ-test zip, run as a child process: single node, loopback
 * only, security off (it listens on localhost alone), a 512 MB heap. The zip carries only the core
 * modules (no analysis-common, ingest or ML), so the index mapping uses core analyzers only. Elasticsearch refuses to run
 * as root; as root it is started through {@code setpriv} as the unprivileged uid 65534, with its
 * folders owned by that uid.
 */
final class ElasticsearchServer implements AutoCloseable {

    private static final int NOBODY = 65534;

    private final ChildProcess process;
    private final int port;

    private ElasticsearchServer(Process process, int port, Path log) {
        this.process = new ChildProcess("Elasticsearch", process, log);
        this.port = port;
    }

    /** Starts the process; {@link #awaitUp} waits until it answers. */
    static ElasticsearchServer launch(Path zip, Path dataDir, int port, Path log)
            throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = root && !reachableByOthers(dataDir) ? fallbackBase(dataDir) : dataDir.resolve("elasticsearch");
        Path home = base.resolve("home");
        if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            unzip(zip, home);
        }
        Path data = Files.createDirectories(base.resolve("data"));
        Path logs = Files.createDirectories(base.resolve("logs"));
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        Files.writeString(
                home.resolve("config/elasticsearch.yml"),
                String.join(
                        "\n",
                        "cluster.name: facsimile",
                        "node.name: facsimile-1",
                        "discovery.type: single-node",
                        "network.host: 127.0.0.1",
                        "http.port: " + port,
                        "transport.port: " + (port + 100),
                        "path.data: " + data,
                        "path.logs: " + logs,
                        "xpack.security.enabled: false",
                        "action.destructive_requires_name: true",
                        ""));
        Path jvmOptions = Files.createDirectories(home.resolve("config/jvm.options.d"));
        Files.writeString(jvmOptions.resolve("facsimile.options"), "-Xms512m\n-Xmx512m\n");

        List<String> command = new ArrayList<>();
        if (root) {
            chown(base, NOBODY);
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_TMPDIR", tmp.toString());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("ES_JAVA_OPTS");
        return new ElasticsearchServer(builder.start(), port, log);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void awaitUp(Duration timeout) throws IOException, InterruptedException {
        process.awaitHttp(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s", timeout);
    }

    @Override
    public void close() {
        process.stop();
    }

    /** True when every folder above {@code dir} lets others through, as the uid 65534 needs. */
    private static boolean reachableByOthers(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    /** A folder the unprivileged user can reach, stable for a given data directory. */
    private static Path fallbackBase(Path dataDir) throws IOException {
        String id = HexFormat.of()
                .formatHex(dataDir.toAbsolutePath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        id = id.length() > 32 ? id.substring(id.length() - 32) : id;
        return Files.createDirectories(Path.of("/var/tmp/facsimile-elasticsearch", id));
    }

    private static void chown(Path base, int uid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", uid + ":" + uid, base.toString())
                .inheritIO()
                .start();
        if (p.waitFor() != 0) {
            throw new IOException("could not hand " + base + " to uid " + uid);
        }
    }

    private static void unzip(Path zip, Path home) throws IOException {
        Path partial = home.resolveSibling("home.partial");
        ChildProcess.deleteTree(partial);
        Files.createDirectories(partial);
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = z.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = partial.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("zip entry outside its folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.contains("/bin/") || name.contains("/platform/")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.move(partial, home);
    }
}
