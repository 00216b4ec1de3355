package org.facsimile.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * S3Proxy (org.gaul:s3proxy from Maven Central), a real S3 API server, run as a child process on
 * loopback with its objects in the data folder: the object store of a repository started with
 * {@code --s3}, as MinIO is in docker-compose, so several nodes on one machine share files the way
 * nodes on several machines do.
 */
final class ObjectStoreServer implements AutoCloseable {

    /** The access key the nodes sign with; the secret is made once and kept in the data folder. */
    static final String IDENTITY = "facsimile";

    private final ChildProcess process;
    private final int port;

    private ObjectStoreServer(Process process, int port, Path log) {
        this.process = new ChildProcess("S3Proxy", process, log);
        this.port = port;
    }

    /** Starts the process; {@link #awaitUp} waits until it answers. */
    static ObjectStoreServer launch(Path jar, Path dataDir, int port, String secret, Path log) throws IOException {
        Path objects = Files.createDirectories(dataDir.resolve("objects"));
        Path config = dataDir.resolve("s3proxy.conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + IDENTITY,
                        "s3proxy.credential=" + secret,
                        "jclouds.provider=filesystem-nio2",
                        "jclouds.filesystem.basedir=" + objects,
                        ""));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return new ObjectStoreServer(builder.start(), port, log);
    }

    void awaitUp(Duration timeout) throws IOException, InterruptedException {
        process.awaitHttp(url() + "/healthz", timeout);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.stop();
    }
}
