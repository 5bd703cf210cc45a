package com.vibrationfit.media.speech;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NarrationConfig} for plain unit tests of the provider clients: the real mapping, with its defaults, read
 * from these properties. Calls are bounded tighter than in production, so that a stalled provider fails a test fast.
 */
final class TestNarrationConfig {

    private TestNarrationConfig() {}

    static NarrationConfig of(String provider, String baseUrl, Optional<String> elevenKey, Optional<String> openAiKey) {
        Map<String, String> properties = new HashMap<>();
        properties.put("vf.narration.provider", provider);
        properties.put("vf.narration.initial-backoff", "PT1S");
        properties.put("vf.narration.elevenlabs.voice-id", "voice-rachel");
        for (String cloud : List.of("elevenlabs", "openai")) {
            if (!baseUrl.isEmpty()) {
                properties.put("vf.narration." + cloud + ".base-url", baseUrl);
            }
            properties.put("vf.narration." + cloud + ".timeout", "PT10S");
            properties.put("vf.narration." + cloud + ".idle-timeout", "PT1S");
            properties.put("vf.narration." + cloud + ".max-audio-bytes", "1000000");
        }
        elevenKey.ifPresent(key -> properties.put("vf.narration.elevenlabs.api-key", key));
        openAiKey.ifPresent(key -> properties.put("vf.narration.openai.api-key", key));
        return new SmallRyeConfigBuilder()
                .withMapping(NarrationConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(NarrationConfig.class);
    }
}
