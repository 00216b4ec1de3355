package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml stays valid for the code: the five services of the production shape, every
 * FACSIMILE_* variable it sets a configuration key the repository reads, and the nodes' files in
 * the object store rather than a volume only one Docker host can share.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            return new Yaml().load(in);
        }
    }

    static String environmentName(Setting setting) {
        return setting.key().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesAndSettingsMatchTheCode() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertEquals(Set.of("postgres", "elasticsearch", "minio", "app", "worker"), services.keySet());
        Set<String> known = Arrays.stream(Setting.values())
                .map(ComposeFileTest::environmentName)
                .collect(Collectors.toSet());
        for (String node : new String[] {"app", "worker"}) {
            Map<String, Object> environment =
                    (Map<String, Object>) ((Map<String, Object>) services.get(node)).get("environment");
            for (String name : environment.keySet()) {
                assertTrue(
                        !name.startsWith("FACSIMILE_") || known.contains(name),
                        node + " sets " + name + ", which no Setting reads");
            }
            assertTrue(environment.containsKey("FACSIMILE_DB_URL"), node + " needs the database");
            assertEquals("s3", environment.get("FACSIMILE_STORAGE_KIND"), node + " keeps its files in the bucket");
            assertTrue(
                    String.valueOf(environment.get("FACSIMILE_STORAGE_S3_ENDPOINT"))
                            .contains("http://minio:9000"),
                    node + " finds the object store");
            for (String credential : new String[] {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}) {
                assertTrue(environment.containsKey(credential), node + " gives the SDK its " + credential);
            }
            assertEquals(
                    null,
                    ((Map<String, Object>) services.get(node)).get("volumes"),
                    node + " shares no volume with another node");
        }
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) services.get("app")).get("environment");
        Map<String, Object> worker =
                (Map<String, Object>) ((Map<String, Object>) services.get("worker")).get("environment");
        assertEquals("0", app.get("FACSIMILE_WORKER_THREADS"), "the web node runs no synthesis");
        assertTrue(Integer.parseInt((String) worker.get("FACSIMILE_WORKER_THREADS")) > 0, "the worker node does");
    }

    @Test
    void theDockerfileDeploysTheWarThisBuildMakes() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertTrue(dockerfile.contains("repository-web/target/facsimile.war"));
        assertTrue(dockerfile.contains("payara/micro:6.2025.10"), "the same Payara Micro as the build");
    }
}
