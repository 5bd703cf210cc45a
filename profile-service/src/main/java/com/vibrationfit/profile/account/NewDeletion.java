package com.vibrationfit.profile.account;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code DELETE /api/v1/account}: the member's own username, so that a stray call cannot delete them. */
@Schema(name = "DeletionConfirmation")
public record NewDeletion(
        @Schema(required = true, description = "your username, exactly") @Size(max = CONFIRM_MAX_LENGTH)
        String confirm) {

    /** The longest username the identity provider (Keycloak) allows. */
    public static final int CONFIRM_MAX_LENGTH = 255;
}
