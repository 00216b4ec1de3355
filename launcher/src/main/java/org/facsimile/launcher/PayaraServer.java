package org.facsimile.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Payara Micro with the Facsimile WAR, as a child process configured through environment variables. */
final class PayaraServer implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private PayaraServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * @param environment the repository's configuration (FACSIMILE_* variables)
     */
    static PayaraServer launch(Path runtime, Path dataDir, int port, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        // No --rootdir: Payara Micro would remember the deployment there and, on the next start,
        // deploy it twice (the remembered one, then a redeploy), cycling the app after it answered.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
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
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IOException("the repository did not start within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Stops at once, as a crash would (for restart tests). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
