package org.facsimile.vocab.rocrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.facsimile.vocab.dcat.DcatRendererTest;
import org.junit.jupiter.api.Test;

/**
 * RO-Crate metadata checked against the RO-Crate 1.2 specification's requirements (its MUSTs for
 * the metadata document, the descriptor, the root and the data entities; the SHOULDs on
 * referenced entities). The specification's own validators are a GPL-3 JavaScript library and a
 * Python tool, neither of which a build with Java and Maven alone can run, so the rules are
 * written here, each as the specification words it, and {@link #violations} is itself tested on
 * broken crates.
 */
class RoCrateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the crate breaks of RO-Crate 1.2; empty when nothing. */
    static List<String> violations(JsonNode crate) {
        List<String> broken = new ArrayList<>();
        if (!crate.path("@context").asText().startsWith("https://w3id.org/ro/crate/1.2/context")) {
            broken.add("the @context must be the RO-Crate 1.2 context");
        }
        JsonNode graph = crate.path("@graph");
        if (!graph.isArray()) {
            broken.add("the document must be a flattened @graph");
            return broken;
        }
        Map<String, JsonNode> entities = new HashMap<>();
        for (JsonNode entity : graph) {
            String id = entity.path("@id").asText(null);
            if (id == null || !entity.has("@type")) {
                broken.add("every entity must have an @id and a @type");
            } else if (entities.put(id, entity) != null) {
                broken.add("@id " + id + " is used twice");
            }
        }
        JsonNode descriptor = entities.get(RoCrate.METADATA);
        if (descriptor == null
                || !descriptor.path("@type").asText().equals("CreativeWork")
                || !descriptor.path("conformsTo").path("@id").asText().startsWith(RoCrate.SPEC)) {
            broken.add("the metadata descriptor must be a CreativeWork that conformsTo RO-Crate 1.2");
            return broken;
        }
        JsonNode root = entities.get(descriptor.path("about").path("@id").asText());
        if (root == null || !types(root).contains("Dataset")) {
            broken.add("the descriptor must be about the root data entity, a Dataset");
            return broken;
        }
        for (String property : List.of("name", "description", "datePublished", "license")) {
            if (!root.has(property)) {
                broken.add("the root data entity must have " + property);
            }
        }
        if (!root.path("datePublished").asText().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            broken.add("datePublished must be an ISO 8601 date");
        }
        for (JsonNode part : root.path("hasPart")) {
            JsonNode entity = entities.get(part.path("@id").asText());
            if (entity == null
                    || !(types(entity).contains("File") || types(entity).contains("Dataset"))) {
                broken.add("every part of the root must be a File or Dataset entity of the graph");
            }
        }
        // every entity the graph refers to by a local id (#...) must be described in it
        for (JsonNode entity : graph) {
            entity.fields().forEachRemaining(field -> {
                for (JsonNode value : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                    String ref = value.path("@id").asText("");
                    if (ref.startsWith("#") && !entities.containsKey(ref)) {
                        broken.add("the entity " + ref + " is referred to but not described");
                    }
                }
            });
        }
        return broken;
    }

    private static List<String> types(JsonNode entity) {
        JsonNode type = entity.path("@type");
        List<String> out = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else {
            out.add(type.asText());
        }
        return out;
    }

    @Test
    void detachedTheFilesAreTheirDownloadUrls() throws Exception {
        JsonNode crate = JSON.readTree(RoCrate.render(DcatRendererTest.example(), false));
        assertEquals(List.of(), violations(crate));
        JsonNode root = crate.path("@graph").get(1);
        assertEquals("http://localhost:8080/datasets/0b6f", root.path("@id").asText());
        assertEquals(
                "https://doi.org/10.5072/fcsm.ab12cd", root.path("identifier").asText());
        assertEquals(
                "http://localhost:8080/api/datasets/0b6f/files/census.csv",
                root.path("hasPart").get(0).path("@id").asText());
        assertTrue(root.path("description").asText().contains("synthetic"));
    }

    @Test
    void attachedTheFilesAreBesideTheMetadata() throws Exception {
        JsonNode crate = JSON.readTree(RoCrate.render(DcatRendererTest.example(), true));
        assertEquals(List.of(), violations(crate));
        JsonNode file = crate.path("@graph").get(2);
        assertEquals("census.csv", file.path("@id").asText());
        assertEquals("File", file.path("@type").asText());
        assertEquals(64, file.path("sha256").asText().length());
        assertEquals("./", crate.path("@graph").get(0).path("about").path("@id").asText());
    }

    @Test
    void theRulesCatchBrokenCrates() throws Exception {
        String good = RoCrate.render(DcatRendererTest.example(), true);
        List<java.util.function.Consumer<ObjectNode>> breakages = List.of(
                c -> ((ObjectNode) c.path("@graph").get(0).path("about")).put("@id", "./nowhere"),
                c -> ((ObjectNode) c.path("@graph").get(1)).remove("datePublished"),
                c -> c.put("@context", "https://schema.org/"),
                c -> ((ObjectNode) c.path("@graph").get(1).path("publisher")).put("@id", "#press"),
                c -> ((ObjectNode) c.path("@graph").get(2)).put("@type", "CreativeWork"));
        for (int i = 0; i < breakages.size(); i++) {
            ObjectNode crate = (ObjectNode) JSON.readTree(good);
            breakages.get(i).accept(crate);
            assertFalse(violations(crate).isEmpty(), "breakage " + i + " goes unseen");
        }
    }
}
