package org.facsimile.web.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Times the requests of the routes whose latency operators watch, as the timer {@code
 * facsimile.requests} tagged by route: {@code search} (the search API and page), {@code oai}
 * (OAI-PMH) and {@code catalog} (the DCAT catalogue). Other routes are not timed, so the tag's
 * values stay few.
 */
@Provider
public class RequestTimings implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestTimings.class.getName() + ".started";

    static final Metadata TIMER = Metadata.builder()
            .withName("facsimile.requests")
            .withDescription("Time to answer a request, by route (search, oai, catalog)")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    MetricRegistry registry;

    /** Each route's timer, looked up in the registry once rather than on every request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** The route a request path belongs to, or null when it is not timed. */
    static String route(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("search") || p.startsWith("api/search")) {
            return "search";
        }
        if (p.startsWith("api/oai")) {
            return "oai";
        }
        if (p.startsWith("api/catalog")) {
            return "catalog";
        }
        return null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (route(request.getUriInfo().getPath()) != null) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            timers.computeIfAbsent(
                            route(request.getUriInfo().getPath()),
                            route -> registry.timer(TIMER, new Tag("route", route)))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
