package com.vibrationfit.profile.version;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/profiles/{id}/changes}: the fields of {@code id} whose values differ from {@code against_id}'s. */
@Schema(name = "ProfileChanges")
public record ProfileDifference(UUID id, UUID againstId, List<Change> changes) {

    /** One field: its value in the version compared against ({@code old_value}) and in this one ({@code new_value}). */
    @Schema(name = "ProfileFieldChange")
    public record Change(String field, JsonNode oldValue, JsonNode newValue) {}
}
