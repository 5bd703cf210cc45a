package com.vibrationfit.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Adds a real S3 server to a service's tests and points the Quarkus S3 client at it (path-style,
 * static credentials). Register next to {@link PlatformTestResource} with
 * {@code restrictToAnnotatedClass = false}.
 */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    private static S3TestServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new S3TestServer();
            server.start();
        }
        return Map.of(
                "quarkus.s3.endpoint-override",
                server.endpoint(),
                "quarkus.s3.path-style-access",
                "true",
                "quarkus.s3.aws.region",
                S3TestServer.REGION,
                "quarkus.s3.aws.credentials.type",
                "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id",
                S3TestServer.ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key",
                S3TestServer.SECRET_KEY);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    public static S3TestServer server() {
        return server;
    }
}
