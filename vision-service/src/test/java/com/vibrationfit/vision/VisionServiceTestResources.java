package com.vibrationfit.vision;

import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.S3TestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the platform's real test parts (OIDC provider, Kafka broker) for every {@code @QuarkusTest}
 * of this module, so they all share one Quarkus boot.
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = false)
public final class VisionServiceTestResources {
    private VisionServiceTestResources() {}
}
