package com.vibrationfit.profile.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.platform.media.MediaLinks;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/profiles/{id}/changes}: the fields of {@code id} whose values differ from {@code against_id}'s. */
@Schema(name = "ProfileChanges")
public record ProfileDifference(
        UUID id,
        UUID againstId,

        @Schema(description = "one per field that differs", maxItems = ProfilePatch.FIELDS)
        List<Change> changes) {

    private static final String LINKS_OF_A_MEDIA_FIELD = "For a media field, the links of the references: a string "
            + "for profile_picture_url, an array in the same order for progress_photos and story_recordings (one "
            + "per recording); null for other fields. ";

    /**
     * One field: its value in the version compared against ({@code old_value}) and in this one ({@code new_value});
     * for a media field also their links ({@code old_link}, {@code new_link}; see {@link MediaLinks}).
     */
    @Schema(name = "ProfileFieldChange")
    public record Change(
            @Schema(description = "the field's JSON name", maxLength = ProfilePatch.FIELD_NAME_MAX_LENGTH)
            String field,

            JsonNode oldValue,
            JsonNode newValue,

            @Schema(
                    description = "Links of old_value. " + LINKS_OF_A_MEDIA_FIELD + MediaLinks.ABOUT_LINKS,
                    oneOf = {Link.class, LinkList.class})
            Object oldLink,

            @Schema(
                    description = "Links of new_value. " + LINKS_OF_A_MEDIA_FIELD + MediaLinks.ABOUT_LINKS,
                    oneOf = {Link.class, LinkList.class})
            Object newLink) {

        /** A change of a field without links (not a media field, or not linked yet). */
        public Change(String field, JsonNode oldValue, JsonNode newValue) {
            this(field, oldValue, newValue, null, null);
        }
    }

    /** The schema of one link. */
    @Schema(name = "MediaLink", type = SchemaType.STRING, maxLength = MediaLinks.MAX_LENGTH)
    interface Link {}

    /** The schema of the links of a list of references (null where one has none). */
    @Schema(
            name = "MediaLinkList",
            type = SchemaType.ARRAY,
            implementation = Link.class,
            maxItems = ProfileRules.LIST_MAX)
    interface LinkList {}
}
