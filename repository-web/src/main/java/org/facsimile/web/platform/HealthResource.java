package org.facsimile.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/health}: UP when the database answers. Search may be down without the node being down. */
@Path("api/health")
@RequestScoped
@Tag(name = "Health")
public class HealthResource {

    @Resource(lookup = Startup.DATA_SOURCE)
    DataSource dataSource;

    @Operation(summary = "Whether this node answers and reaches its database (see also /health)")
    @APIResponse(responseCode = "200", description = "Up")
    @APIResponse(responseCode = "503", description = "Down")
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        try (Connection c = dataSource.getConnection()) {
            boolean ok = c.isValid(2);
            return Response.status(ok ? 200 : 503)
                    .entity(Map.of("status", ok ? "UP" : "DOWN"))
                    .build();
        } catch (Exception e) {
            return Response.status(503).entity(Map.of("status", "DOWN")).build();
        }
    }
}
