package com.vibrationfit.aiusage.ledger;

import java.time.Instant;
import java.util.UUID;

/** A grant's tokens as the rules see them: what remains, and until when. */
public record Lot(UUID id, int remaining, Instant expiresAt, Instant createdAt) {}
