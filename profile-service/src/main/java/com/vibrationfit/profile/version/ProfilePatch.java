package com.vibrationfit.profile.version;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.JsonErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A profile's fields as JSON: applying a PATCH (JSON merge patch: a named field takes the given value,
 * {@code null} clears it, absent fields stay), comparing two versions, and copying. Field names are the
 * column names; read-only columns and names that are no column are refused with a 400 naming them.
 */
public final class ProfilePatch {

    public static final String VERSION_NOTES = "version_notes";

    /** The longest field name (of the answers and version_notes) a change names. */
    public static final int FIELD_NAME_MAX_LENGTH = 64;
    /** How many fields a version's member-written part has at most (the answers and version_notes). */
    public static final int FIELDS = 100;

    /** Columns the API shows but members never write: ids, versioning, bookkeeping, tokens, metadata. */
    public static final Set<String> READ_ONLY = Set.of(
            "id",
            "user_id",
            "version_number",
            "is_draft",
            "is_active",
            "parent_version_id",
            "completion_percentage",
            "vibe_assistant_tokens_used",
            "vibe_assistant_tokens_remaining",
            "vibe_assistant_total_cost",
            "token_rollover_cycles",
            "token_last_drip_date",
            "auto_topup_enabled",
            "auto_topup_pack_id",
            "storage_quota_gb",
            "ai_tags",
            "created_at",
            "updated_at");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper json;
    private final Set<String> answerFields;

    public ProfilePatch(ObjectMapper json) {
        this.json = json;
        Set<String> names = new LinkedHashSet<>();
        for (BeanPropertyDefinition property : json.getSerializationConfig()
                .introspect(json.constructType(ProfileAnswers.class))
                .findProperties()) {
            names.add(property.getName());
        }
        if (names.size() + 1 > FIELDS || names.stream().anyMatch(name -> name.length() > FIELD_NAME_MAX_LENGTH)) {
            throw new IllegalStateException("the profile's fields exceed what ProfileChanges documents (" + FIELDS
                    + " fields of at most " + FIELD_NAME_MAX_LENGTH + " characters)");
        }
        this.answerFields = Set.copyOf(names);
    }

    /** The result of a patch: the new answers, and the version notes (unchanged unless the patch named them). */
    public record Applied(ProfileAnswers answers, String versionNotes, Set<String> fieldsGiven) {}

    public Set<String> answerFields() {
        return answerFields;
    }

    public Applied apply(ProfileAnswers current, String currentNotes, ObjectNode patch) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode answers = patch.deepCopy();
        String notes = currentNotes;
        Set<String> given = new LinkedHashSet<>();
        patch.fieldNames().forEachRemaining(given::add);
        for (String field : given) {
            if (READ_ONLY.contains(field)) {
                errors.add(new FieldError(field, "is read-only"));
            } else if (field.equals(VERSION_NOTES)) {
                JsonNode value = answers.remove(VERSION_NOTES);
                if (!value.isNull() && !value.isTextual()) {
                    errors.add(new FieldError(VERSION_NOTES, "expected a string"));
                } else {
                    notes = value.isNull() ? null : value.asText();
                }
            } else if (!answerFields.contains(field)) {
                errors.add(new FieldError(field, "unknown field; see the ProfileAnswers schema"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        try {
            ProfileAnswers updated = json.readerForUpdating(copy(current)).readValue(answers);
            return new Applied(updated, notes, given);
        } catch (JsonMappingException e) {
            throw new InvalidRequest(List.of(JsonErrors.fieldError(e)));
        } catch (IOException e) {
            throw InvalidRequest.of("body", "could not be read as profile fields");
        }
    }

    public ProfileAnswers copy(ProfileAnswers answers) {
        try {
            return json.treeToValue(json.valueToTree(answers), ProfileAnswers.class);
        } catch (IOException e) {
            throw new IllegalStateException("a profile could not be copied", e);
        }
    }

    /** The fields whose values differ, in the schema's order: {@code against}'s value, then {@code version}'s. */
    public List<ProfileDifference.Change> differences(ProfileAnswers version, ProfileAnswers against) {
        JsonNode now = json.valueToTree(version);
        JsonNode before = json.valueToTree(against);
        List<ProfileDifference.Change> changes = new ArrayList<>();
        now.fieldNames().forEachRemaining(field -> {
            JsonNode value = now.get(field);
            JsonNode old = before.path(field);
            if (!value.equals(old)) {
                changes.add(new ProfileDifference.Change(field, old.isMissingNode() ? null : old, value));
            }
        });
        return changes;
    }

    /** Every field by its JSON name, without {@code excluded}. */
    public Map<String, Object> asMap(ProfileAnswers answers, Set<String> excluded) {
        Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(answers, MAP));
        fields.keySet().removeAll(excluded);
        return fields;
    }
}
