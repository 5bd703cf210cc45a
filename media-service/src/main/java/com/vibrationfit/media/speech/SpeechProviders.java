package com.vibrationfit.media.speech;

import com.vibrationfit.media.narration.AudioTrack;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Chooses the narration provider from configuration, once, at start. */
@ApplicationScoped
public class SpeechProviders {

    private static final Logger LOG = Logger.getLogger(SpeechProviders.class);

    @Produces
    @Singleton
    SpeechSynthesizer synthesizer(NarrationConfig config) {
        SpeechSynthesizer chosen = choose(config);
        if (chosen.defaultVoice() == null
                || chosen.defaultVoice().isBlank()
                || chosen.defaultVoice().length() > AudioTrack.VOICE_ID_MAX_LENGTH) {
            // A track's voice_id is documented (and requested) as at most this long.
            throw new IllegalStateException("the " + chosen.provider() + " voice must be 1 to "
                    + AudioTrack.VOICE_ID_MAX_LENGTH + " characters, not '" + chosen.defaultVoice() + "'");
        }
        LOG.infof(
                "narration provider: %s (voice %s, model %s)",
                chosen.provider(), chosen.defaultVoice(), chosen.model());
        return chosen;
    }

    static SpeechSynthesizer choose(NarrationConfig config) {
        return switch (config.provider()) {
            case "elevenlabs" -> new ElevenLabsSynthesizer(config.elevenlabs());
            case "openai" -> new OpenAiSpeechSynthesizer(config.openai());
            case "espeak" -> new EspeakSynthesizer(config.espeak());
            case "auto" -> {
                if (config.elevenlabs().apiKey().filter(k -> !k.isBlank()).isPresent()) {
                    yield new ElevenLabsSynthesizer(config.elevenlabs());
                }
                if (config.openai().apiKey().filter(k -> !k.isBlank()).isPresent()) {
                    yield new OpenAiSpeechSynthesizer(config.openai());
                }
                yield new EspeakSynthesizer(config.espeak());
            }
            default ->
                throw new IllegalArgumentException(
                        "vf.narration.provider must be auto, elevenlabs, openai or espeak; was " + config.provider());
        };
    }
}
