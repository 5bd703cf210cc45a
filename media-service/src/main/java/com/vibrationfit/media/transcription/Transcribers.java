package com.vibrationfit.media.transcription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The configured provider: {@code openai}, {@code none}, or {@code auto} (the default: openai when its API key is
 * set, else none).
 */
@ApplicationScoped
public class Transcribers {

    private final Optional<Transcriber> configured;

    @Inject
    public Transcribers(TranscriptionConfig config) {
        this.configured = switch (config.provider()) {
            case "openai" -> Optional.of(new OpenAiTranscriber(config.openai()));
            case "none" -> Optional.empty();
            case "auto" ->
                config.openai().apiKey().isPresent()
                        ? Optional.of(new OpenAiTranscriber(config.openai()))
                        : Optional.empty();
            default ->
                throw new IllegalStateException(
                        "vf.transcription.provider must be auto, openai or none, not " + config.provider());
        };
    }

    public Optional<Transcriber> configured() {
        return configured;
    }
}
