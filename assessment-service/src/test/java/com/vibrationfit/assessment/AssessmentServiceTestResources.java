package com.vibrationfit.assessment;

import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.S3TestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real parts every @QuarkusTest of assessment-service shares (one boot): OIDC and Kafka. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = false)
public final class AssessmentServiceTestResources {
    private AssessmentServiceTestResources() {}
}
