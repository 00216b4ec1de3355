package org.facsimile.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which requests are timed, under which route: a few, so the timer's tag keeps few values. */
class RequestTimingsTest {

    @Test
    void searchHarvestAndCatalogueAreTimedAndNothingElse() {
        assertEquals("search", RequestTimings.route("search"));
        assertEquals("search", RequestTimings.route("/api/search"));
        assertEquals("oai", RequestTimings.route("api/oai"));
        assertEquals("catalog", RequestTimings.route("api/catalog.ttl"));
        assertEquals("catalog", RequestTimings.route("api/catalog/datasets/x"));
        assertNull(RequestTimings.route("api/deposits"));
        assertNull(RequestTimings.route("searching"));
        assertNull(RequestTimings.route("datasets/abc"));
    }
}
