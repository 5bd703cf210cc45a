package com.vibrationfit.media.transcription;

import com.vibrationfit.platform.http.ResponseLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How members' voice recordings are transcribed ({@code vf.transcription.*}). */
@ConfigMapping(prefix = "vf.transcription")
public interface TranscriptionConfig {

    /**
     * {@code openai} (any OpenAI-compatible {@code /v1/audio/transcriptions}), {@code none} (every recording then
     * gets the {@code unavailable} state at once, saying no transcription service is set up), or {@code auto}: openai
     * when {@code vf.transcription.openai.api-key} is set, else none.
     */
    @WithDefault("auto")
    String provider();

    /** Transcription workers per instance. */
    @WithDefault("1")
    int workers();

    @WithDefault("3")
    int maxAttempts();

    @WithDefault("PT2S")
    Duration initialBackoff();

    /** A claim older than this is taken over (its worker died); longer than the longest provider call. */
    @WithDefault("PT6M")
    Duration staleAfter();

    /** The largest recording sent to the provider (OpenAI's API takes at most 25 MB); larger ones are unavailable. */
    @WithDefault("25000000")
    long maxBytes();

    /**
     * Tokens per minute of audio, for the hold taken before the call: the recording's minutes are estimated from its
     * size at {@link #holdBitsPerSecond()}; the capture charges the minutes the provider measured.
     */
    @WithDefault("100")
    int tokensPerMinute();

    /** The bit rate the hold assumes (128 kbit/s, what browsers record voice at, at most). */
    @WithDefault("128000")
    int holdBitsPerSecond();

    /** What the provider charges (reported with the usage; ai-usage-service prices it from its own table). */
    @WithDefault("0.6")
    double costCentsPerMinute();

    OpenAi openai();

    interface OpenAi {
        @WithDefault("https://api.openai.com")
        String baseUrl();

        Optional<String> apiKey();

        @WithDefault("whisper-1")
        String model();

        /** The whole call: a long recording takes the provider a while. */
        @WithDefault("PT5M")
        Duration timeout();

        /** The longest the provider may send nothing, the wait for its headers included. */
        @WithDefault("PT3M")
        Duration idleTimeout();

        /** The largest answer accepted (a transcript of 25 MB of audio is far smaller). */
        @WithDefault("2000000")
        long maxResponseBytes();

        default ResponseLimits limits() {
            return new ResponseLimits(timeout(), idleTimeout(), maxResponseBytes());
        }
    }
}
