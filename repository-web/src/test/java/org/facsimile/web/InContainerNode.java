package org.facsimile.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.facsimile.web.storage.S3ProxyServer;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The in-container tests' node, set up on the client side before Arquillian starts Payara Micro
 * with a test's deployment: a fresh database in this JVM's embedded PostgreSQL (the node migrates
 * it as in production), a fresh bucket of a real S3 server (S3Proxy, one child process for the
 * whole run: these tests run the node on the S3 store, the launcher's on the file system), a
 * master key, no worker threads (a test drives the job
 * queue itself), curators' review required, a bootstrap admin whose token a test reads from the
 * node's configuration, and Elasticsearch unreachable (the node runs degraded, as it does when
 * search is away). It is written as the system-properties file that arquillian.xml hands to
 * Payara Micro; MicroProfile Config reads system properties, so the node is configured as an
 * operator would configure one.
 */
public final class InContainerNode implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Settings.class);
    }

    /** Writes the node's settings before each deployment (Payara Micro starts with it). */
    public static final class Settings {

        private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

        public void beforeDeploy(@Observes BeforeDeploy event) {
            int n = DEPLOYMENTS.incrementAndGet();
            Path file = Path.of(System.getProperty("arquillian.node.properties"));
            Path root = file.getParent();
            try {
                Files.createDirectories(Path.of(System.getProperty("arquillian.node.tmp")));
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Properties settings = new Properties();
                settings.setProperty("facsimile.db.url", EmbeddedDatabase.fresh("node_" + n));
                settings.setProperty("facsimile.db.user", EmbeddedDatabase.USER);
                settings.setProperty("facsimile.db.password", EmbeddedDatabase.USER);
                settings.setProperty("facsimile.storage.kind", "s3");
                settings.setProperty("facsimile.storage.s3.endpoint", s3(root).toString());
                settings.setProperty("facsimile.storage.s3.bucket", "node-" + n);
                settings.setProperty("facsimile.storage.s3.path-style", "true");
                // where the AWS SDK's default chain looks, after the environment
                settings.setProperty("aws.accessKeyId", S3ProxyServer.IDENTITY);
                settings.setProperty("aws.secretAccessKey", S3ProxyServer.CREDENTIAL);
                settings.setProperty(
                        "facsimile.storage.master-keys",
                        "arquillian-1:" + Base64.getEncoder().encodeToString(key));
                settings.setProperty("facsimile.search.url", "http://127.0.0.1:" + closedPort());
                settings.setProperty("facsimile.worker.threads", "0");
                // a curator decides each publication, so a test can walk a review without publishing
                settings.setProperty("facsimile.review.required", "true");
                settings.setProperty(
                        "facsimile.bootstrap.admin-token", UUID.randomUUID().toString());
                try (OutputStream out = Files.newOutputStream(file)) {
                    settings.store(out, "the in-container tests' node " + n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static S3ProxyServer s3;

        /** The S3 server's URL, started on first use and stopped when the test JVM ends. */
        private static synchronized URI s3(Path root) throws IOException {
            if (s3 == null) {
                try {
                    s3 = S3ProxyServer.start(Files.createTempDirectory(root, "s3-"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while S3Proxy started", e);
                }
                S3ProxyServer started = s3;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            return s3.endpoint();
        }

        /** A port nothing listens on (it was free a moment ago). */
        private static int closedPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
