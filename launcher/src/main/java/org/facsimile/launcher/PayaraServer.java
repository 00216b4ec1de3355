package org.facsimile.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Payara Micro with the Facsimile WAR, as a child process configured through environment variables. */
final class PayaraServer implements AutoCloseable {

    private final ChildProcess process;
    private final String baseUrl;

    private PayaraServer(Process process, String baseUrl, Path log) {
        this.process = new ChildProcess("Payara Micro", process, log);
        this.baseUrl = baseUrl;
    }

    /**
     * @param scratch the node's own temporary folder, emptied first (each of several nodes has its own)
     * @param environment the repository's configuration (FACSIMILE_* variables)
     */
    static PayaraServer launch(Path runtime, Path scratch, int port, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        // No --rootdir: Payara Micro would remember the deployment there and, on the next start,
        // deploy it twice (the remembered one, then a redeploy), cycling the app after it answered.
        // Payara Micro unpacks its runtime (about 450 MB) into a temporary folder that only a clean
        // stop removes; a killed node (a crash, a restart test) would leave one behind each time.
        // Its own folder in the data directory, emptied before each start, keeps that bounded.
        ChildProcess.deleteTree(scratch);
        Files.createDirectories(scratch);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Djava.io.tmpdir=" + scratch,
                "-jar",
                runtime.resolve("payara-micro.jar").toString(),
                "--deploy",
                runtime.resolve("facsimile.war").toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new PayaraServer(builder.start(), "http://localhost:" + port, log);
    }

    void awaitUp(Duration timeout) throws IOException, InterruptedException {
        process.awaitHttp(baseUrl + "/api/health", timeout);
    }

    /** Stops at once, as a crash would (for restart tests). */
    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.stop();
    }
}
