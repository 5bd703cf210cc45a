package com.vibrationfit.aiusage.admin;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/admin/ai/grants}: a positive amount grants, a negative one deducts. */
public record NewGrant(
        @NotNull UUID userId,
        @NotNull Integer amount,
        @NotNull String reason) {}
