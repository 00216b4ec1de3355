package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The document's own mends that need no runtime (the rest is checked on the served document by OpenApiIT). */
class ApiDocumentTest {

    @Test
    void aRepeatedOperationIdBecomesMethodAndPathInCamelCase() {
        assertEquals(
                "getApiDatasetsIdVersionsVersionFilesName",
                ApiDocument.camel("get /api/datasets/{id}/versions/{version}/files/{name}"));
        assertEquals("postApiAdminStorageFixityAudit", ApiDocument.camel("post /api/admin/storage/fixity-audit"));
    }

    /** A problem the code can answer: its status and kind, as the source writes them. */
    private static final Pattern REFUSAL = Pattern.compile("(\\d{3}),\\s*\"([a-z0-9-]+)\",\\s*\"");

    private static final Pattern TOO_MANY = Pattern.compile("tooMany\\(\\s*\"([a-z0-9-]+)\"");

    private static final Pattern TYPED = Pattern.compile("TYPES \\+ \"([a-z0-9-]+)\",\\s*\"[^\"]*\",\\s*(\\d{3})");

    /**
     * Every problem the repository's code can answer (read from the sources of repository-web and
     * harvest-api) is listed, by its kind, under its status in the document: a new kind that is
     * not there fails here.
     */
    @Test
    void everyProblemKindInTheCodeIsDocumentedUnderItsStatus() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("..", "harvest-api", "src", "main", "java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    String source = Files.readString(f);
                    Matcher m = REFUSAL.matcher(source);
                    while (m.find()) {
                        used.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                    }
                    m = TOO_MANY.matcher(source);
                    while (m.find()) {
                        used.computeIfAbsent("429", k -> new TreeSet<>()).add(m.group(1));
                    }
                    m = TYPED.matcher(source);
                    while (m.find()) {
                        used.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.getOrDefault("422", Set.of()).contains("invalid-csvw"), "the sources were read: " + used);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Set<String>> status : used.entrySet()) {
            String listed = ApiDocument.ANSWERS.stream()
                    .filter(a -> a.status().equals(status.getKey()))
                    .map(ApiDocument.Answer::kinds)
                    .findFirst()
                    .orElse("");
            for (String kind : status.getValue()) {
                if (!Pattern.compile("(^|[ ,])" + Pattern.quote(kind) + "([,;: ]|$)")
                        .matcher(listed)
                        .find()) {
                    missing.add(status.getKey() + " " + kind);
                }
            }
        }
        assertEquals(List.of(), missing, "problem kinds the document does not list under their status");
    }
}
