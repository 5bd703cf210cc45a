package com.vibrationfit.aiusage.admin;

import com.vibrationfit.aiusage.balance.UsageParameters;
import com.vibrationfit.aiusage.balance.UsageQueries;
import com.vibrationfit.aiusage.balance.UsageRange;
import com.vibrationfit.aiusage.balance.UsageSummary;
import com.vibrationfit.aiusage.balance.UsageView;
import com.vibrationfit.aiusage.billing.BillingResource;
import com.vibrationfit.aiusage.billing.BillingService;
import com.vibrationfit.aiusage.billing.PlanView;
import com.vibrationfit.aiusage.ledger.Balance;
import com.vibrationfit.aiusage.ledger.BalanceService;
import com.vibrationfit.aiusage.ledger.GrantService;
import com.vibrationfit.aiusage.ledger.TokenGrant;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.security.CurrentUser;
import com.vibrationfit.platform.security.SystemRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins (realm role {@code admin}) grant or deduct tokens with a reason, and read any member's tokens. */
@Path("/api/v1/admin/ai")
@Tag(
        name = "Admin: AI tokens",
        description = "Grants, deductions and any member's balance, usage, plan and purchases (realm role admin)")
@SecurityRequirement(name = "bearer", scopes = "admin")
@RolesAllowed("admin")
@SystemRole
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminTokensResource {

    @Inject
    GrantService grants;

    @Inject
    BalanceService balances;

    @Inject
    UsageQueries usage;

    @Inject
    CurrentUser user;

    @Inject
    BillingService billing;

    @POST
    @Path("/grants")
    @Operation(summary = "Grant (amount > 0) or deduct (amount < 0) a member's tokens, with a reason")
    @APIResponseSchema(
            value = GrantView.class,
            responseCode = "201",
            responseDescription = "Recorded, with the member's new balance")
    @APIResponse(responseCode = "400", description = "amount 0, reason missing")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "422", description = "A deduction larger than what the member has available")
    public Response grant(@Valid NewGrant body) {
        InvalidRequest.requireBody(body, "{user_id, amount, reason}");
        TokenGrant grant = grants.adjust(body.userId(), body.amount(), body.reason(), user.id());
        GrantView view = new GrantView(
                grant.id,
                grant.userId,
                grant.kind,
                grant.amount,
                grant.reason,
                grant.grantedBy,
                grant.createdAt,
                balances.existingBalanceOf(body.userId()));
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/members/{user_id}/plan")
    @Operation(summary = "A member's plan, as they see it")
    @APIResponseSchema(value = PlanView.class, responseCode = "200", responseDescription = "The member's plan")
    @APIResponse(responseCode = "404", description = "No such member: deleted, or without a token account yet")
    public PlanView plan(@PathParam("user_id") UUID member) {
        return billing.existingPlan(member);
    }

    @GET
    @Path("/members/{user_id}/purchases")
    @Operation(summary = "A member's purchases, newest first (the last 100)")
    @APIResponseSchema(
            value = BillingResource.PurchaseList.class,
            responseCode = "200",
            responseDescription = "The member's purchases")
    @APIResponse(responseCode = "404", description = "No such member: deleted, or without a token account yet")
    public BillingResource.PurchaseList purchases(@PathParam("user_id") UUID member) {
        return new BillingResource.PurchaseList(billing.purchases(member, false));
    }

    @GET
    @Path("/members/{user_id}/balance")
    @Operation(summary = "A member's balance")
    @APIResponseSchema(value = Balance.class, responseCode = "200", responseDescription = "The member's balance")
    @APIResponse(responseCode = "404", description = "No such member: deleted, or without a token account yet")
    public Balance balance(@PathParam("user_id") UUID member) {
        return balances.existingBalanceOf(member);
    }

    @GET
    @Path("/members/{user_id}/usage")
    @Operation(summary = "A member's usage, newest first")
    public Page<UsageView> usage(
            @PathParam("user_id") UUID member,
            @BeanParam UsageParameters filters,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        return usage.page(member, filters.filter(), limit, cursor);
    }

    @GET
    @Path("/members/{user_id}/usage/summary")
    @Operation(summary = "A member's usage per day, action type and model")
    public UsageSummary summary(@PathParam("user_id") UUID member, @BeanParam UsageRange days) {
        return usage.summary(member, days.filter());
    }
}
