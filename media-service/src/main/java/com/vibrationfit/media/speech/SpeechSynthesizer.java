package com.vibrationfit.media.speech;

/** A text-to-speech provider. Implementations are the real client code of each provider. */
public interface SpeechSynthesizer {

    /** Short provider name stored in voice ids and usage records: {@code elevenlabs}, {@code openai}, {@code espeak}. */
    String provider();

    /** A free provider (the local espeak-ng) spends no member tokens: no reservation is taken for it. */
    default boolean free() {
        return "espeak".equals(provider());
    }

    /** The voice used when a request names none. */
    String defaultVoice();

    /** The model billed for usage records. */
    String model();

    /** Narrates {@code text} with {@code voice}; throws {@link SpeechFailed} with a reason a member can read. */
    Speech synthesize(String text, String voice);
}
