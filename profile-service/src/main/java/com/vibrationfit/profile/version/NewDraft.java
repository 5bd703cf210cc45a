package com.vibrationfit.profile.version;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/profiles/drafts}; both fields optional (an empty body is fine). */
public record NewDraft(
        @Schema(description = "the version to copy; default your active version (an empty draft if you have none)")
        UUID sourceId,

        @Schema(maxLength = ProfileRules.NOTES_MAX) String versionNotes) {}
