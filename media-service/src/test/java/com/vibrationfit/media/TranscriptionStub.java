package com.vibrationfit.media;

import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** An OpenAI-compatible transcription server ({@link OpenAiProtocolStub}) that media-service's real client calls. */
public class TranscriptionStub implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-transcription-key";
    private static OpenAiProtocolStub stub;

    @Override
    public synchronized Map<String, String> start() {
        if (stub == null) {
            stub = OpenAiProtocolStub.start();
        }
        return Map.of(
                "vf.transcription.provider", "openai",
                "vf.transcription.openai.base-url", stub.rootUrl(),
                "vf.transcription.openai.api-key", API_KEY,
                "vf.transcription.initial-backoff", "PT0.2S",
                "vf.transcription.max-attempts", "3");
    }

    @Override
    public void stop() {
        // Shared by every test class of the one boot; the JVM's end closes it.
    }

    public static OpenAiProtocolStub stub() {
        return stub;
    }
}
