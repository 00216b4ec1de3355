package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.facsimile.web.FacsimileApplication;
import org.junit.jupiter.api.Test;

/**
 * Every request body a resource takes is read in a way that cannot fail with a 500: as text (then
 * {@link JsonBody}, or the CSVW and CSV readers, which refuse with problems), as a stream, or as a
 * form checked by {@link RequestEdge}. A body bound straight to a type would let the JSON binder's
 * failures through as 500s, which is how eight endpoints answered malformed JSON before.
 */
class RequestBodiesTest {

    private static final Set<Class<?>> READABLE = Set.of(String.class, InputStream.class, MultivaluedMap.class);

    @Test
    void noResourceBindsABodyStraightToAType() {
        List<String> bound = new ArrayList<>();
        int bodies = 0;
        for (Class<?> resource : new FacsimileApplication().getClasses()) {
            for (Method method : resource.getMethods()) {
                if (!changes(method)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    if (isBody(parameter)) {
                        bodies++;
                        if (!READABLE.contains(parameter.getType())
                                && !parameter.getType().getName().startsWith("jakarta.ws.rs.core.EntityPart")
                                && !List.class.equals(parameter.getType())) {
                            bound.add(resource.getSimpleName() + "." + method.getName() + "("
                                    + parameter.getType().getSimpleName() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(bodies >= 15, "the check sees the resources' bodies (" + bodies + ")");
        assertEquals(List.of(), bound, "bodies bound straight to a type; take a String and use JsonBody");
    }

    @Test
    void everyFormSaysItIsOne() {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : new FacsimileApplication().getClasses()) {
            for (Method method : resource.getMethods()) {
                boolean fields =
                        Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(FormParam.class));
                Consumes consumes = method.getAnnotation(Consumes.class);
                if (fields
                        && (consumes == null
                                || Arrays.stream(consumes.value())
                                        .noneMatch(t -> t.startsWith("application/x-www-form-urlencoded")
                                                || t.startsWith("multipart/form-data")))) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), undeclared, "methods reading form fields without @Consumes of a form type");
    }

    private static boolean changes(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBody(Parameter parameter) {
        for (Class<? extends Annotation> binding : List.of(
                PathParam.class,
                QueryParam.class,
                FormParam.class,
                HeaderParam.class,
                CookieParam.class,
                MatrixParam.class,
                BeanParam.class,
                Context.class)) {
            if (parameter.isAnnotationPresent(binding)) {
                return false;
            }
        }
        return true;
    }
}
