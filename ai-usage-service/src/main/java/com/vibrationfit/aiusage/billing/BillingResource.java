package com.vibrationfit.aiusage.billing;

import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's plan, what they can buy, and their purchases. */
@Path("/api/v1/ai")
@Tag(name = "Plans and purchases", description = "Your plan, token packs and plans to buy, your purchases")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingResource {

    @Inject
    BillingService billing;

    @Inject
    CurrentUser user;

    @GET
    @Path("/offers")
    @Operation(summary = "Plans and token packs, with prices; which plan you are on")
    public Offers offers() {
        return billing.offers(user.id());
    }

    @GET
    @Path("/plan")
    @Operation(summary = "My plan: its cycle, when tokens come next, whether a card is saved, auto top-up")
    public PlanView plan() {
        return billing.plan(user.id());
    }

    @DELETE
    @Path("/plan")
    @Operation(
            summary = "Cancel my paid plan",
            description = "It ends with the cycle already paid (status canceling), then you are on the free plan;"
                    + " tokens already granted stay yours until they expire.")
    @APIResponseSchema(value = PlanView.class, responseCode = "200", responseDescription = "Your plan, canceling")
    @APIResponse(responseCode = "409", description = "You are on the free plan")
    @APIResponse(responseCode = "503", description = "Payments are not configured, or the provider is unreachable")
    public PlanView cancel() {
        return billing.cancelPlan(user.id());
    }

    @POST
    @Path("/checkout")
    @Operation(
            summary = "Buy a pack or subscribe to a plan",
            description = "Opens the payment provider's hosted checkout (Stripe Checkout): send the member to"
                    + " checkout_url. The purchase is pending until the provider says it is paid; only then are the"
                    + " tokens granted. Paying a pack saves the card for auto top-up.")
    @APIResponseSchema(
            value = CheckoutView.class,
            responseCode = "201",
            responseDescription = "The checkout to send the member to")
    @APIResponse(responseCode = "400", description = "Not exactly one of pack_id and plan_id, or an unknown one")
    @APIResponse(responseCode = "409", description = "Subscribing while on a paid plan already")
    @APIResponse(responseCode = "503", description = "Payments are not configured, or the provider is unreachable")
    public Response checkout(@Valid NewCheckout body) {
        return Response.status(201).entity(billing.checkout(user.id(), body)).build();
    }

    @GET
    @Path("/purchases")
    @Operation(summary = "My purchases, newest first (the last 100)")
    public PurchaseList purchases() {
        return new PurchaseList(billing.purchases(user.id(), true));
    }

    /** A member's purchases. */
    @Schema(name = "PurchaseList")
    public record PurchaseList(@Schema(maxItems = 100) List<PurchaseView> items) {}
}
