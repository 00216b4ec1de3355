package org.facsimile.launcher;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What the tests' stand-ins for outside services (OpenID provider, DataCite) share. */
final class HttpStubs {

    private HttpStubs() {}

    /** Answers with a body of the given media type and closes the exchange. */
    static void reply(HttpExchange exchange, int status, String mediaType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", mediaType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
