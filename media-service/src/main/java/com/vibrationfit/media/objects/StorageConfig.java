package com.vibrationfit.media.objects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where media lives in S3 and how long presigned URLs last. */
@ConfigMapping(prefix = "vf.media")
public interface StorageConfig {

    @WithDefault("vibrationfit-media")
    String bucket();

    /** Prefix of the media_url other services store: {@code <prefix><s3 key>}. */
    @WithDefault("s3://vibrationfit-media/")
    String urlPrefix();

    /** Lifetime of an upload (PUT) URL; at most 15 minutes. */
    @WithDefault("PT10M")
    Duration uploadUrlTtl();

    /** Lifetime of a download (GET) URL for playing or showing media. */
    @WithDefault("PT15M")
    Duration downloadUrlTtl();
}
