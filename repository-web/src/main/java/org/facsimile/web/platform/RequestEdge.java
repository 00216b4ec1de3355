package org.facsimile.web.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What every request must be before a resource reads it, checked in one place so that no
 * resource meets a header or body its framework cannot read (which would be a 500):
 *
 * <ul>
 *   <li>{@link Headers} (before matching): a Content-Type that parses and names a charset Java
 *       knows (else 400/415), an Accept header that parses (else 400), and an Accept-Language
 *       that parses and is of sane length (else it is ignored, as advice may be);
 *   <li>{@link Forms} (after matching, after authentication): a post to a resource that reads form
 *       fields is sent as a form (else 415), is at most {@link #MAX_FORM_BYTES} (else 413), and holds no text PostgreSQL
 *       cannot store (else 422 naming the field).
 * </ul>
 */
public final class RequestEdge {

    /** The largest urlencoded form a page posts; uploads go as multipart or as the body itself. */
    public static final int MAX_FORM_BYTES = 1 << 20;

    /** Longer Accept-Language headers are ignored: no browser sends one, and parsing them costs. */
    static final int MAX_ACCEPT_LANGUAGE = 1_000;

    private RequestEdge() {}

    /** The headers every resource relies on. */
    @Provider
    @PreMatching
    @Priority(Priorities.AUTHENTICATION - 100)
    public static final class Headers implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
            boolean body = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
            if (body && type != null && !type.isBlank()) {
                charset(mediaType(type));
            }
            try {
                request.getAcceptableMediaTypes();
            } catch (RuntimeException e) {
                throw new ProblemException(
                        400, "bad-header", "Bad Request", "the Accept header is malformed", List.of(header("Accept")));
            }
            String languages = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            if (languages != null && !acceptable(languages, request)) {
                request.getHeaders().remove(HttpHeaders.ACCEPT_LANGUAGE);
            }
        }

        private static boolean acceptable(String languages, ContainerRequestContext request) {
            if (languages.length() > MAX_ACCEPT_LANGUAGE) {
                return false;
            }
            try {
                request.getAcceptableLanguages();
                Locale.LanguageRange.parse(languages);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** Form posts, before a resource binds their fields. */
    @Provider
    @Priority(Priorities.USER)
    public static final class Forms implements ContainerRequestFilter {

        @Context
        ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            List<String> consumed = consumes();
            boolean form = readsFormFields()
                    || consumed.stream().anyMatch(t -> t.startsWith(MediaType.APPLICATION_FORM_URLENCODED));
            MediaType sent = request.getMediaType();
            boolean sentForm = sent != null
                    && (sent.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                            || sent.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
            if (form && !sentForm) {
                // Jersey cannot bind @FormParam fields from anything else, and fails with a 500
                throw new ProblemException(
                        415,
                        "unsupported-media-type",
                        "Unsupported Media Type",
                        "this form is sent as " + MediaType.APPLICATION_FORM_URLENCODED,
                        List.of(header(HttpHeaders.CONTENT_TYPE)));
            }
            if (form && sent.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                byte[] body = readAtMost(request.getEntityStream(), MAX_FORM_BYTES);
                checkFields(new String(body, charset(sent)));
                request.setEntityStream(new ByteArrayInputStream(body));
            }
        }

        private boolean readsFormFields() {
            if (resource == null || resource.getResourceMethod() == null) {
                return false;
            }
            return Arrays.stream(resource.getResourceMethod().getParameters())
                    .anyMatch(p -> p.isAnnotationPresent(FormParam.class));
        }

        private List<String> consumes() {
            if (resource == null || resource.getResourceMethod() == null) {
                return List.of();
            }
            Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
            if (consumes == null && resource.getResourceClass() != null) {
                consumes = resource.getResourceClass().getAnnotation(Consumes.class);
            }
            return consumes == null ? List.of() : Arrays.asList(consumes.value());
        }
    }

    /** Every name and value of an urlencoded form: decodable, and text PostgreSQL can store. */
    static void checkFields(String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), null);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            String bad = Text.unstorable(name);
            if (bad != null) {
                throw field(null, "a field name " + bad);
            }
            bad = Text.unstorable(value);
            if (bad != null) {
                throw field(name, bad);
            }
        }
    }

    private static String decode(String encoded, String field) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    400,
                    "invalid-form",
                    "Invalid form",
                    "the form is not urlencoded" + (field == null ? "" : " at field " + field),
                    List.of(new Problem.Where(null, null, field, null, "not urlencoded")));
        }
    }

    private static ProblemException field(String name, String what) {
        return new ProblemException(
                422,
                "invalid-form",
                "Invalid form",
                (name == null ? "the form" : "field " + name) + ": " + what,
                List.of(new Problem.Where(null, null, name, null, what)));
    }

    private static MediaType mediaType(String header) {
        try {
            return MediaType.valueOf(header);
        } catch (RuntimeException e) {
            throw new ProblemException(
                    400,
                    "bad-header",
                    "Bad Request",
                    "the Content-Type header is malformed",
                    List.of(header(HttpHeaders.CONTENT_TYPE)));
        }
    }

    /**
     * The charset a body declares (UTF-8 when it declares none, or has no media type); 415 when Java
     * does not know it.
     */
    public static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(
                    415,
                    "unsupported-charset",
                    "Unsupported charset",
                    "the declared charset is not supported; send UTF-8",
                    List.of(header(HttpHeaders.CONTENT_TYPE)));
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new ProblemException(
                    413, "form-too-large", "Content Too Large", "a form may be at most " + limit + " bytes");
        }
        return bytes;
    }

    private static Problem.Where header(String name) {
        return new Problem.Where(null, null, null, null, "header " + name);
    }
}
