package com.vibrationfit.profile;

import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.S3TestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The real parts every @QuarkusTest of profile-service shares (one boot): OIDC, Kafka and a Keycloak admin API stub. */
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KeycloakAdminStubResource.class, restrictToAnnotatedClass = false)
public final class ProfileServiceTestResources {
    private ProfileServiceTestResources() {}
}
