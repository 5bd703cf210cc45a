package com.vibrationfit.media.objects;

import com.vibrationfit.platform.storage.BucketObjects;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket must be reachable for uploads and narration: readiness says so. Locally (and in tests) a
 * missing bucket is created at start; in production it is provisioned and creation is not attempted
 * unless {@code vf.media.create-bucket} is true.
 */
@Readiness
@ApplicationScoped
public class BucketReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BucketReadiness.class);

    @Inject
    S3Client s3;

    @Inject
    StorageConfig config;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "vf.media.create-bucket", defaultValue = "true")
    boolean createBucket;

    void ensureBucket(@Observes StartupEvent event) {
        if (!createBucket) {
            return;
        }
        try {
            if (BucketObjects.createIfMissing(s3, config.bucket())) {
                LOG.infof("created bucket %s", config.bucket());
            }
        } catch (S3Exception e) {
            LOG.warnf("bucket %s not usable at start: %s", config.bucket(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("S3 not reachable at start: %s", e.getMessage());
        }
    }

    @Override
    public HealthCheckResponse call() {
        try {
            s3.headBucket(r -> r.bucket(config.bucket()));
            return HealthCheckResponse.named("s3")
                    .up()
                    .withData("bucket", config.bucket())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("s3")
                    .down()
                    .withData("bucket", config.bucket())
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
