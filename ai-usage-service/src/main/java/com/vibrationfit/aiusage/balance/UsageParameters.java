package com.vibrationfit.aiusage.balance;

import com.vibrationfit.aiusage.ledger.TokenUsage;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import jakarta.ws.rs.QueryParam;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The usage filters members and admins pass as query parameters (a {@code @BeanParam} of both usage lists), checked
 * with a 400 naming each bad one.
 */
public class UsageParameters {

    @Parameter(
            description = "a token_usage action type, e.g. chat_conversation",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {
                                TokenUsage.ASSESSMENT_SCORING,
                                TokenUsage.VISION_GENERATION,
                                TokenUsage.VISION_REFINEMENT,
                                TokenUsage.BLUEPRINT_GENERATION,
                                TokenUsage.CHAT_CONVERSATION,
                                TokenUsage.AUDIO_GENERATION,
                                TokenUsage.IMAGE_GENERATION,
                                TokenUsage.AUDIO_TRANSCRIPTION
                            }))
    @QueryParam("action_type")
    String actionType;

    @Parameter(
            description = "a model, exactly",
            schema = @Schema(type = SchemaType.STRING, maxLength = TokenUsage.MODEL_MAX_LENGTH))
    @QueryParam("model")
    String model;

    @Parameter(description = "first day, YYYY-MM-DD (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(description = "last day, YYYY-MM-DD (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    /** The filter these parameters describe. */
    public UsageQueries.Filter filter() {
        return filter(actionType, model, from, to);
    }

    static UsageQueries.Filter filter(String actionType, String model, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        if (actionType != null && !TokenUsage.ACTION_TYPES.contains(actionType)) {
            errors.add(new FieldError(
                    "action_type",
                    "must be one of "
                            + TokenUsage.ACTION_TYPES.stream().sorted().toList()));
        }
        if (model != null && (model.isBlank() || model.length() > TokenUsage.MODEL_MAX_LENGTH)) {
            errors.add(new FieldError("model", "must be 1 to " + TokenUsage.MODEL_MAX_LENGTH + " characters"));
        }
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new UsageQueries.Filter(actionType, model, start, end);
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                errors.add(new FieldError(field, "must be a date between 2000-01-01 and 9999-12-31"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date, YYYY-MM-DD"));
            return null;
        }
    }
}
