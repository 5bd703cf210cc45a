package com.vibrationfit.aiusage;

import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points VIVA at an OpenAI-protocol stub for the module's tests (the real LangChain4j client talks to it). */
public class OpenAiStubResource implements QuarkusTestResourceLifecycleManager {

    private static OpenAiProtocolStub stub;

    @Override
    public synchronized Map<String, String> start() {
        if (stub == null) {
            stub = OpenAiProtocolStub.start();
        }
        return Map.of(
                "vf.viva.provider.base-url",
                stub.baseUrl(),
                "vf.viva.provider.api-key",
                "stub-key-local-only",
                "vf.viva.provider.model",
                "gpt-4o-mini",
                "vf.viva.provider.idle-timeout",
                "PT2S");
    }

    @Override
    public synchronized void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }

    public static OpenAiProtocolStub stub() {
        return stub;
    }
}
