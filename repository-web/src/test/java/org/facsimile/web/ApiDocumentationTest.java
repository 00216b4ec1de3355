package org.facsimile.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.facsimile.web.account.Secured;
import org.facsimile.web.platform.ApiDocument;
import org.junit.jupiter.api.Test;

/**
 * Every API operation the application serves is documented where the runtime reads it: a summary,
 * one of the document's tags, and the security schemes exactly where the access filter asks for a
 * credential. (The served document itself is checked by the launcher's OpenApiIT.)
 */
class ApiDocumentationTest {

    /** The API's resource classes: those under /api that this module scans (harvest-api's are in openapi.yaml). */
    private static List<Class<?>> apiResources() {
        return new FacsimileApplication()
                .getClasses().stream()
                        .filter(c -> c.getPackageName().startsWith("org.facsimile.web"))
                        .filter(c -> c.isAnnotationPresent(Path.class)
                                && c.getAnnotation(Path.class)
                                        .value()
                                        .replaceFirst("^/", "")
                                        .startsWith("api"))
                        .sorted((a, b) -> a.getName().compareTo(b.getName()))
                        .toList();
    }

    private static List<Method> operations(Class<?> resource) {
        return Arrays.stream(resource.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(GET.class)
                        || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(DELETE.class))
                .toList();
    }

    @Test
    void everyApiOperationHasASummaryAndADeclaredTag() {
        Set<String> tags = Arrays.stream(FacsimileApplication.class
                        .getAnnotation(OpenAPIDefinition.class)
                        .tags())
                .map(Tag::name)
                .collect(Collectors.toSet());
        List<String> undocumented = new ArrayList<>();
        int count = 0;
        for (Class<?> resource : apiResources()) {
            Tag tag = resource.getAnnotation(Tag.class);
            assertTrue(tag != null && tags.contains(tag.name()), resource.getSimpleName() + " has a declared tag");
            for (Method m : operations(resource)) {
                count++;
                Operation op = m.getAnnotation(Operation.class);
                if (op == null || op.summary().isBlank()) {
                    undocumented.add(resource.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), undocumented, "operations without a summary");
        assertTrue(count >= 45, "the API's operations were found: " + count);
    }

    @Test
    void securedOperationsAndOnlyThoseNameBothSchemes() {
        Set<String> wrong = new TreeSet<>();
        for (Class<?> resource : apiResources()) {
            for (Method m : operations(resource)) {
                boolean secured = resource.isAnnotationPresent(Secured.class) || m.isAnnotationPresent(Secured.class);
                Set<String> schemes = new TreeSet<>();
                for (SecurityRequirement r : resource.getAnnotationsByType(SecurityRequirement.class)) {
                    schemes.add(r.name());
                }
                for (SecurityRequirement r : m.getAnnotationsByType(SecurityRequirement.class)) {
                    schemes.add(r.name());
                }
                Set<String> expected =
                        secured ? new TreeSet<>(List.of(ApiDocument.TOKEN, ApiDocument.SESSION)) : Set.of();
                if (!schemes.equals(expected)) {
                    wrong.add(resource.getSimpleName() + "." + m.getName() + " " + schemes);
                }
            }
        }
        assertEquals(Set.of(), wrong);
        assertFalse(apiResources().isEmpty());
    }
}
