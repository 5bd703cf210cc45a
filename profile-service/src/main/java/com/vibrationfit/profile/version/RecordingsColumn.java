package com.vibrationfit.profile.version;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.vibrationfit.platform.media.Recording;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** {@code story_recordings} JSONB as the API spells it (snake_case, ISO instants), read and written whole. */
@Converter
public class RecordingsColumn implements AttributeConverter<List<Recording>, String> {

    private static final TypeReference<List<Recording>> RECORDINGS = new TypeReference<>() {};

    // Its own mapper: stored rows must stay readable whatever the API's request rules become.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String convertToDatabaseColumn(List<Recording> recordings) {
        try {
            return recordings == null ? null : JSON.writeValueAsString(recordings);
        } catch (Exception e) {
            throw new IllegalStateException("story_recordings could not be written", e);
        }
    }

    @Override
    public List<Recording> convertToEntityAttribute(String column) {
        try {
            return column == null ? null : JSON.readValue(column, RECORDINGS);
        } catch (Exception e) {
            throw new IllegalStateException("stored story_recordings are unreadable", e);
        }
    }
}
