package org.facsimile.web.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Security headers on every response: no MIME sniffing, no framing (CSP frame-ancestors and the
 * older X-Frame-Options; the deposit's report alone may be framed by this site's deposit page), a strict Content-Security-Policy unless the resource set its own, no
 * referrer leaking private paths (none at all from a reviewer link's pages, whose address is a
 * secret; nor are they indexed), HSTS when the repository is served over HTTPS, and no caching of
 * anything private.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    /** The pages a reviewer link opens: their address holds the link's secret. */
    static final String SECRET_PATH = "preview/";

    private static final List<String> PRIVATE = List.of(
            "api/deposits",
            "api/access-requests",
            "api/analyses",
            "api/account",
            "api/auth",
            "api/admin",
            "api/review",
            "account",
            "access-requests",
            "analyses",
            "deposits",
            "sign-");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (!headers.containsKey("X-Frame-Options")) {
            headers.putSingle("X-Frame-Options", "DENY");
        }
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        boolean secretPath = relative.startsWith(SECRET_PATH);
        // an address holding a secret is never sent on in a Referer, nor indexed
        headers.putSingle("Referrer-Policy", secretPath ? "no-referrer" : "strict-origin-when-cross-origin");
        if (secretPath) {
            headers.putSingle("X-Robots-Tag", "noindex, nofollow");
        }
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        if (!headers.containsKey("Content-Security-Policy")) {
            MediaType type = response.getMediaType();
            boolean page = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
            headers.putSingle("Content-Security-Policy", page ? PAGE_CSP : API_CSP);
        }
        if (Setting.BASE_URL.get().startsWith("https:")) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (secretPath || PRIVATE.stream().anyMatch(relative::startsWith)) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
