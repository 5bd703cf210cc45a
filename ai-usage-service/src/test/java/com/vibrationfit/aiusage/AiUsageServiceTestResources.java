package com.vibrationfit.aiusage;

import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.S3TestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real parts every @QuarkusTest of ai-usage-service shares (one boot): OIDC, Kafka, an OpenAI-protocol stub, a Stripe-protocol stub. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = StripeStubResource.class, restrictToAnnotatedClass = false)
public final class AiUsageServiceTestResources {
    private AiUsageServiceTestResources() {}
}
