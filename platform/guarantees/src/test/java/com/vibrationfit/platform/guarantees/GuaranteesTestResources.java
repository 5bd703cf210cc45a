package com.vibrationfit.platform.guarantees;

import com.vibrationfit.platform.testing.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the platform's real test parts (OIDC provider, Kafka broker) for every {@code @QuarkusTest} of this
 * module, so they all share one Quarkus boot. No S3: the test application writes no objects.
 */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
public final class GuaranteesTestResources {
    private GuaranteesTestResources() {}
}
