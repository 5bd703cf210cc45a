package com.vibrationfit.platform.export;

import com.vibrationfit.platform.storage.BucketObjects;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Tests give every service its own S3 server, so the bucket is created at boot when
 * {@code vf.export.create-bucket} is true. Elsewhere the bucket is provisioned (locally media-service creates
 * it); an export part waits for it like for any S3 outage.
 */
@ApplicationScoped
public class ExportBucket {

    private static final Logger LOG = Logger.getLogger(ExportBucket.class);

    @Inject
    S3Client s3;

    @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media")
    String bucket;

    @ConfigProperty(name = "vf.export.create-bucket", defaultValue = "false")
    boolean create;

    void ensure(@Observes StartupEvent event) {
        if (!create) {
            return;
        }
        try {
            if (BucketObjects.createIfMissing(s3, bucket)) {
                LOG.infof("created bucket %s", bucket);
            }
        } catch (S3Exception e) {
            LOG.debugf("bucket %s: %s", bucket, e.getMessage()); // created concurrently by another service
        } catch (RuntimeException e) {
            LOG.warnf("S3 not reachable at start: %s", e.getMessage());
        }
    }
}
