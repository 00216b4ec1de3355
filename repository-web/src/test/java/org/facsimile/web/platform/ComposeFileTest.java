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
 * docker-compose.yml stays valid for the code: the four services of the production shape, and
 * every FACSIMILE_* variable it sets is a configuration key the repository reads.
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
        assertEquals(Set.of("postgres", "elasticsearch", "app", "worker"), services.keySet());
        Set<String> known = Arrays.stream(Setting.values())
                .map(ComposeFileTest::environmentName)
                .collect(Collectors.toSet());
        for (String node : new String[] {"app", "worker"}) {
            Map<String, Object> environment =
                    (Map<String, Object>) ((Map<String, Object>) services.get(node)).get("environment");
            for (String name : environment.keySet()) {
                assertTrue(known.contains(name), node + " sets " + name + ", which no Setting reads");
            }
            assertTrue(environment.containsKey("FACSIMILE_DB_URL"), node + " needs the database");
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
