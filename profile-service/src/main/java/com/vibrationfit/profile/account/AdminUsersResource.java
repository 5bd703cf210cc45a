package com.vibrationfit.profile.account;

import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.security.CurrentUser;
import com.vibrationfit.platform.security.SystemContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins deleting users (realm role {@code admin}). */
@Path("/api/v1/admin/users")
@Tag(name = "Admin: accounts", description = "Delete a user (realm role admin)")
@SecurityRequirement(name = "bearer", scopes = "admin")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

    @Inject
    AccountDeletionService deletions;

    @Inject
    CurrentUser user;

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a user",
            description = "The same path as a member deleting their own account: the "
                    + "identity provider's user is deleted, user.deleted is published once and every service purges. A user "
                    + "the identity provider does not know is still purged everywhere. Asking again changes nothing.")
    @APIResponseSchema(value = DeletionView.class, responseCode = "202", responseDescription = "Deletion under way")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response delete(@PathParam("id") UUID id) {
        UUID admin = user.id();
        AccountDeletion deletion = SystemContext.call(
                "account deletion by admin " + admin, () -> deletions.request(id, AccountDeletion.BY_ADMIN, admin));
        return Response.accepted(DeletionView.of(deletion)).build();
    }

    @GET
    @Path("/{id}/deletion")
    @Operation(summary = "A user's deletion: pending or announced")
    @APIResponseSchema(value = DeletionView.class, responseCode = "200", responseDescription = "The deletion")
    @APIResponse(responseCode = "404", description = "No deletion of this user")
    public DeletionView deletion(@PathParam("id") UUID id) {
        AccountDeletion deletion = SystemContext.call("deletion read by an admin", () -> deletions.find(id));
        if (deletion == null) {
            throw new NotFound("deletion of user", id);
        }
        return DeletionView.of(deletion);
    }
}
