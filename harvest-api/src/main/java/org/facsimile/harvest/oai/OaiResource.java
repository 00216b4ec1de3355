package org.facsimile.harvest.oai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.facsimile.harvest.port.OaiRepository;

/** {@code /api/oai}: the OAI-PMH endpoint, by GET with query arguments or POST with a form. */
@Path("api/oai")
@RequestScoped
public class OaiResource {

    static final int PAGE_SIZE = 100;
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    @Inject
    OaiRepository repository;

    @GET
    public Response get(@Context UriInfo uri) {
        return answer(uri.getQueryParameters());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(MultivaluedMap<String, String> form) {
        // a POST's arguments are its form; one without a body has none (and is answered badVerb)
        return answer(form);
    }

    Response answer(MultivaluedMap<String, String> parameters) {
        Map<String, List<String>> arguments =
                parameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parameters);
        OaiDataProvider provider = new OaiDataProvider(
                repository, List.of(new OaiDc(), new OaiDataCite(), new OaiDcatAp()), PAGE_SIZE, TOKEN_LIFETIME);
        Instant now = Instant.now();
        StreamingOutput body = out -> {
            try {
                provider.handle(arguments, now, out);
            } catch (XMLStreamException e) {
                throw new IOException("could not write the OAI-PMH response", e);
            }
        };
        return Response.ok(body, "text/xml; charset=UTF-8").build();
    }
}
