package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One vision section as it crosses Kafka: its key ({@code forward}, one of the 12 categories, or
 * {@code conclusion}), the {@link ContentHash} of its text, the normalised text itself, and whether
 * this event changed it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SectionSnapshot(String key, String contentHash, String text, boolean changed) {}
