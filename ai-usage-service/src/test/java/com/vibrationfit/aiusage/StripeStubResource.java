package com.vibrationfit.aiusage;

import com.vibrationfit.platform.testing.StripeProtocolStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points billing at a Stripe-protocol stub (the real client code talks to it; it signs and sends webhooks). Its
 * webhook URL is set by each test, once the service's random test port is known. Keys are local-only.
 */
public class StripeStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk_test_local_only";
    public static final String WEBHOOK_SECRET = "whsec_local_only";

    private static StripeProtocolStub stub;

    @Override
    public synchronized Map<String, String> start() {
        if (stub == null) {
            stub = StripeProtocolStub.start(API_KEY, "http://127.0.0.1:9/not-yet", WEBHOOK_SECRET);
        }
        return Map.of(
                "vf.billing.stripe.api-key", API_KEY,
                "vf.billing.stripe.base-url", stub.baseUrl(),
                "vf.billing.stripe.webhook-secret", WEBHOOK_SECRET);
    }

    @Override
    public synchronized void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }

    public static StripeProtocolStub stub() {
        return stub;
    }
}
