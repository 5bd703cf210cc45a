package com.vibrationfit.profile.account;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deletion as the API reports it. */
@Schema(name = "AccountDeletion")
public record DeletionView(
        UUID userId,

        @Schema(
                enumeration = {AccountDeletion.PENDING, AccountDeletion.ANNOUNCED},
                description = "announced: the identity provider no longer has "
                        + "the user and user.deleted is published; every service purges within seconds")
        String state,

        @Schema(
                enumeration = {AccountDeletion.BY_MEMBER, AccountDeletion.BY_ADMIN, AccountDeletion.BY_IDENTITY_PROVIDER
                })
        String origin,

        Instant requestedAt,
        Instant identityDeletedAt,
        Instant announcedAt) {

    static DeletionView of(AccountDeletion d) {
        return new DeletionView(d.userId, d.state, d.origin, d.requestedAt, d.identityDeletedAt, d.announcedAt);
    }
}
