package com.vibrationfit.gateway;

import com.vibrationfit.platform.testing.OidcTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The gateway's tests share one boot with the loopback OIDC provider and the echo upstream. */
@QuarkusTestResource(value = OidcTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EchoUpstream.class, restrictToAnnotatedClass = false)
public final class GatewayTestResources {
    private GatewayTestResources() {}
}
