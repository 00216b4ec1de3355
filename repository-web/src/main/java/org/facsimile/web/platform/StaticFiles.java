package org.facsimile.web.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code GET /static/<name>.js} and {@code /static/<name>.css}: the pages' stylesheets and the few
 * scripts they enhance themselves with, from the class path ({@code static/}). The pages work
 * without the scripts; the Content-Security-Policy allows scripts from this site only, so they
 * are files, never inline.
 */
@Path("static")
public class StaticFiles {

    @GET
    @Path("{name: [a-z][a-z-]{0,40}\\.js}")
    public Response script(@PathParam("name") String name) throws IOException {
        return file(name, "text/javascript; charset=UTF-8");
    }

    @GET
    @Path("{name: [a-z][a-z-]{0,40}\\.css}")
    public Response stylesheet(@PathParam("name") String name) throws IOException {
        return file(name, "text/css; charset=UTF-8");
    }

    private static Response file(String name, String type) throws IOException {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw ProblemException.notFound("no file " + name);
            }
            return Response.ok(in.readAllBytes(), type)
                    .header("Cache-Control", "public, max-age=3600")
                    .build();
        }
    }
}
