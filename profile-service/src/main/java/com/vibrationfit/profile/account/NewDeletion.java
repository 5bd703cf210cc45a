package com.vibrationfit.profile.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code DELETE /api/v1/account}: the member's own username, so that a stray call cannot delete them. */
@Schema(name = "DeletionConfirmation")
public record NewDeletion(
        @Schema(required = true, description = "your username, exactly")
        String confirm) {}
