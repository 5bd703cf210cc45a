package com.vibrationfit.media.speech;

import com.vibrationfit.platform.http.ResponseLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How narration is produced: the provider, its credentials, and the retry policy. */
@ConfigMapping(prefix = "vf.narration")
public interface NarrationConfig {

    /** {@code auto} picks elevenlabs, then openai, when their API key is set; otherwise the local espeak. */
    @WithDefault("auto")
    String provider();

    ElevenLabs elevenlabs();

    OpenAi openai();

    Espeak espeak();

    /** Attempts per track before it is marked failed. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt; doubles for each further one. */
    @WithDefault("PT2S")
    Duration initialBackoff();

    /**
     * How long an edited section of a complete vision must keep its text before it is narrated: a member typing
     * (autosaves every few seconds) pays for the text they settled on, not for every draft of it. Completing a
     * vision narrates at once.
     */
    @WithDefault("PT3S")
    Duration quietPeriod();

    /** A claim older than this was abandoned by a crashed worker and is taken over. */
    @WithDefault("PT2M")
    Duration staleAfter();

    /** How often a member may ask for narration on demand. */
    Regenerate regenerate();

    /** Estimated cost, in cents, of 1,000 narrated characters (for ai.usage records). */
    @WithDefault("0")
    double costCentsPer1000Characters();

    interface Regenerate {
        /** Regenerate requests accepted per member within {@link #window()}; more answer 429. */
        @WithDefault("10")
        int maxRequests();

        @WithDefault("PT1H")
        Duration window();
    }

    interface ElevenLabs extends CallLimits {
        @WithDefault("https://api.elevenlabs.io")
        String baseUrl();

        Optional<String> apiKey();

        @WithDefault("21m00Tcm4TlvDq8ikWAM")
        String voiceId();

        @WithDefault("eleven_multilingual_v2")
        String modelId();
    }

    interface OpenAi extends CallLimits {
        @WithDefault("https://api.openai.com")
        String baseUrl();

        Optional<String> apiKey();

        @WithDefault("tts-1")
        String model();

        @WithDefault("alloy")
        String voice();
    }

    /** What a cloud provider's call may take: every cloud provider has the same limits, each configured on its own. */
    interface CallLimits {
        /** The whole call, headers to last byte. */
        @WithDefault("PT60S")
        Duration timeout();

        /** The longest the provider may send nothing (a stalled stream fails after this, not at the deadline). */
        @WithDefault("PT15S")
        Duration idleTimeout();

        /** The largest MP3 accepted (about 25 minutes at 128 kbit/s). */
        @WithDefault("25000000")
        long maxAudioBytes();

        default ResponseLimits limits() {
            return new ResponseLimits(timeout(), idleTimeout(), maxAudioBytes());
        }
    }

    interface Espeak {
        @WithDefault("espeak-ng")
        String binary();

        @WithDefault("lame")
        String encoder();

        @WithDefault("en-us")
        String voice();

        @WithDefault("160")
        int wordsPerMinute();
    }
}
