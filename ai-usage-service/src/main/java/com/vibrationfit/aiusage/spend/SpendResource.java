package com.vibrationfit.aiusage.spend;

import com.vibrationfit.aiusage.balance.UsageView;
import com.vibrationfit.aiusage.ledger.ReservationService;
import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.aiusage.ledger.TokenReservation;
import com.vibrationfit.aiusage.ledger.TokenUsage;
import com.vibrationfit.aiusage.ledger.UsageReport;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.security.SystemRole;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reserve, then capture: the internal API other services spend members' tokens through. Never routed by the
 * gateway; callable only with a service identity (OIDC client credentials of a client holding the realm role
 * {@value #SPENDER}). The calling client is recorded on each reservation, and only it may capture or release it.
 */
@Path("/internal/v1/ai/reservations")
@Tag(name = "Internal: token spending", description = "For services: reserve, capture, release")
@RolesAllowed(SpendResource.SPENDER)
@SecurityRequirement(name = "bearer", scopes = SpendResource.SPENDER)
@SystemRole
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpendResource {

    public static final String SPENDER = "ai-spender";

    @Inject
    ReservationService reservations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Operation(
            summary = "Hold an estimate of a member's call",
            description = "402 problem with remaining and required "
                    + "when the member has too few tokens; a reservation not captured in time expires by itself.")
    @APIResponseSchema(value = ReservationView.class, responseCode = "201", responseDescription = "Held")
    @APIResponse(responseCode = "402", description = "Too few tokens (remaining, required)")
    @APIResponse(responseCode = "404", description = "A deleted member: no account is opened again")
    public Response reserve(@Valid NewReservation body) {
        InvalidRequest.requireBody(body, "{user_id, action_type, estimated_tokens}");
        if (body.holdSeconds() != null && (body.holdSeconds() < 1 || body.holdSeconds() > 900)) {
            throw InvalidRequest.of("hold_seconds", "must be between 1 and 900");
        }
        String caller = caller();
        Duration hold = body.holdSeconds() == null ? null : Duration.ofSeconds(body.holdSeconds());
        TokenReservation reservation = reservations.reserve(
                body.userId(), body.actionType(), body.estimatedTokens(), caller, hold, Opening.OPEN);
        return Response.status(201).entity(view(reservation)).build();
    }

    @POST
    @Path("/{id}/capture")
    @Operation(
            summary = "Charge the actual usage, record it in token_usage, free the rest",
            description = "Capturing again answers the same usage.")
    @APIResponse(responseCode = "200", description = "The usage recorded")
    @APIResponse(responseCode = "400", description = "Unknown model_used or negative counts")
    @APIResponse(responseCode = "404", description = "No such reservation of the calling client")
    @APIResponse(responseCode = "409", description = "The reservation was released or has expired")
    public UsageView capture(@PathParam("id") UUID id, UsageReport body) {
        InvalidRequest.requireBody(body, "{model_used, input_tokens|characters|images|audio_seconds, success}");
        TokenUsage recorded = reservations.capture(id, body, caller());
        return new UsageView(
                recorded.id,
                recorded.userId,
                recorded.actionType,
                recorded.modelUsed,
                recorded.tokensUsed,
                recorded.inputTokens,
                recorded.outputTokens,
                recorded.costEstimate,
                recorded.success,
                recorded.errorMessage,
                null,
                recorded.createdAt);
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Free a reservation's hold (the call failed or was not made)")
    @APIResponseSchema(value = ReservationView.class, responseCode = "200", responseDescription = "Released")
    @APIResponse(responseCode = "404", description = "No such reservation of the calling client")
    @APIResponse(responseCode = "409", description = "Already captured")
    public ReservationView release(@PathParam("id") UUID id) {
        return view(reservations.release(id, caller()));
    }

    private String caller() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") != null) {
            return token.getClaim("azp").toString();
        }
        return identity.getPrincipal().getName();
    }

    private static ReservationView view(TokenReservation r) {
        return new ReservationView(
                r.id, r.userId, r.actionType, r.estimatedTokens, r.status, r.chargedTokens, r.usageId, r.expiresAt);
    }
}
