package com.vibrationfit.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Only the loopback OIDC provider, for modules that need tokens but no Kafka (the gateway). */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    private static OidcTestServer oidc;

    @Override
    public synchronized Map<String, String> start() {
        if (oidc == null) {
            oidc = new OidcTestServer();
            oidc.start();
        }
        return Map.of("quarkus.oidc.auth-server-url", oidc.issuer(), "quarkus.devservices.enabled", "false");
    }

    @Override
    public synchronized void stop() {
        if (oidc != null) {
            oidc.stop();
            oidc = null;
        }
    }
}
