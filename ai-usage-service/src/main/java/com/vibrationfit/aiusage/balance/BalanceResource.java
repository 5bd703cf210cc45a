package com.vibrationfit.aiusage.balance;

import com.vibrationfit.aiusage.ledger.Balance;
import com.vibrationfit.aiusage.ledger.BalanceService;
import com.vibrationfit.aiusage.ledger.GrantService;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.security.CurrentUser;
import com.vibrationfit.platform.security.SystemRole;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A member's tokens. The balance is computed from the ledger after settling what time made due (drips,
 * expiries, lapsed reservations), which writes, so it runs as system for the caller's own id; usage is read as
 * the member, under row-level security.
 */
@Path("/api/v1/ai")
@Tag(name = "AI tokens", description = "Your token balance, auto top-up and AI usage")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BalanceResource {

    @Inject
    BalanceService balances;

    @Inject
    GrantService grants;

    @Inject
    UsageQueries usage;

    @Inject
    CurrentUser user;

    @GET
    @Path("/balance")
    @SystemRole(forCaller = true)
    @Operation(summary = "My balance: remaining, reserved, used, total cost, next drip, rollover, auto top-up")
    public Balance balance() {
        return balances.balanceOf(user.id());
    }

    @PUT
    @Path("/auto-topup")
    @SystemRole(forCaller = true)
    @Operation(
            summary = "Turn auto top-up on (with a pack) or off",
            description = "When what you can spend falls below 20 % of the pack, the pack is charged to the card"
                    + " saved with your last purchase (at most once per cycle); its tokens are granted when the"
                    + " payment succeeded. See GET /api/v1/ai/purchases.")
    @APIResponse(responseCode = "400", description = "enabled missing, or an unknown pack_id")
    @APIResponse(responseCode = "409", description = "Turning it on without a saved card (buy a pack first)")
    @APIResponseSchema(
            value = Balance.class,
            responseCode = "200",
            responseDescription = "Your balance with the new auto top-up setting")
    public Balance autoTopUp(@Valid AutoTopUp body) {
        InvalidRequest.requireBody(body, "{\"enabled\": true|false, \"pack_id\": ...}");
        grants.setAutoTopUp(user.id(), body.enabled(), body.packId());
        return balances.balanceOf(user.id());
    }

    @GET
    @Path("/usage")
    @Operation(summary = "My AI usage, newest first")
    public Page<UsageView> usage(
            @BeanParam UsageParameters filters,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        return usage.page(user.id(), filters.filter(), limit, cursor);
    }

    @GET
    @Path("/usage/summary")
    @Operation(summary = "My usage per day, per action type and per model over a range (default: the last 30 days)")
    public UsageSummary summary(@BeanParam UsageRange days) {
        return usage.summary(user.id(), days.filter());
    }
}
