package com.vibrationfit.aiusage.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.errors.InvalidRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Where the payment provider tells what happened (Stripe's webhook). No member token: the provider proves itself with
 * the {@code Stripe-Signature} over the exact bytes received, which is checked before anything is read. A 2xx says
 * "applied or already applied"; anything else makes Stripe send the event again later, which is what an outage here
 * (the database away) should do.
 */
@Path("/webhooks/stripe")
@Tag(name = "Payment provider", description = "Stripe's signed webhook events")
@SecurityScheme(
        securitySchemeName = "stripe-signature",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "Stripe-Signature",
        description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\" with the endpoint's signing secret>")
@SecurityRequirement(name = "stripe-signature")
@PermitAll
public class StripeWebhookResource {

    private static final Logger LOG = Logger.getLogger(StripeWebhookResource.class);

    @Inject
    BillingConfig config;

    @Inject
    PaymentEvents events;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Receive a Stripe event",
            description = "Verified with the endpoint's signing secret (HMAC-SHA256 of the timestamp and the body,"
                    + " timestamp within 5 minutes); each event id is applied once.")
    @APIResponse(responseCode = "200", description = "Applied, or applied before")
    @APIResponse(responseCode = "400", description = "Not signed by the provider, too old, or not an event")
    @APIResponse(responseCode = "503", description = "Webhooks are not configured here")
    @RequestBody(
            description = "A Stripe event, exactly as signed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Map<String, Object> receive(
            @Parameter(hidden = true) @HeaderParam("Stripe-Signature") String signature, byte[] body) {
        String secret = config.stripe()
                .webhookSecret()
                .filter(s -> !s.isBlank())
                .orElseThrow(() ->
                        new PaymentsUnavailable("webhooks are not configured (vf.billing.stripe.webhook-secret)"));
        try {
            StripeSignature.verify(
                    signature,
                    body == null ? new byte[0] : body,
                    secret,
                    Instant.now(),
                    config.stripe().signatureTolerance());
        } catch (StripeSignature.Invalid e) {
            LOG.warnf("refused a webhook: %s", e.getMessage());
            throw InvalidRequest.of("Stripe-Signature", e.getMessage());
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw InvalidRequest.of("body", "not a JSON event");
        }
        if (event == null
                || !event.path("id").isTextual()
                || !event.path("type").isTextual()) {
            throw InvalidRequest.of("body", "an event needs an id and a type");
        }
        boolean applied = events.apply(event);
        return Map.of("received", true, "applied", applied);
    }
}
