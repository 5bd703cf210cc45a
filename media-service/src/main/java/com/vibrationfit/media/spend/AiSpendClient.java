package com.vibrationfit.media.spend;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * ai-usage-service's internal spend API, called as media-service itself: the filter adds a client-credentials
 * token of this service's own OIDC client (which holds the realm role ai-spender).
 */
@RegisterRestClient(configKey = "ai-usage")
@OidcClientFilter
@Path("/internal/v1/ai/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AiSpendClient {

    @POST
    Response reserve(Map<String, Object> body);

    @POST
    @Path("/{id}/capture")
    Response capture(@PathParam("id") String id, Map<String, Object> body);

    @POST
    @Path("/{id}/release")
    Response release(@PathParam("id") String id);
}
