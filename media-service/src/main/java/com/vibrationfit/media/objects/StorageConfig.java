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

    /**
     * Lifetime of an upload (PUT) URL. Short on purpose: a presigned URL cannot be revoked, so it must die
     * soon after the object it names was completed or deleted.
     */
    @WithDefault("PT5M")
    Duration uploadUrlTtl();

    /** Lifetime of a download (GET) URL for showing an uploaded object; short for the same reason. */
    @WithDefault("PT5M")
    Duration downloadUrlTtl();

    /**
     * Lifetime of a narration play URL. Longer than a download: a player fetches ranges of a long track
     * while it plays, and a track is never deleted by its member.
     */
    @WithDefault("PT15M")
    Duration playUrlTtl();

    /**
     * How long after its PUT URL died an open ticket may still be completed; after that it is expired and
     * swept. Covers a PUT that started in time and is still transferring (500 MB on a slow line).
     */
    @WithDefault("PT15M")
    Duration uploadExpiryMargin();

    /** How often {@link UploadSweeper} looks for expired tickets (a scheduler interval such as {@code 60s}). */
    @WithDefault("60s")
    String uploadSweepEvery();

    /**
     * A member's storage quota in bytes: uploaded objects plus the declared size of open tickets
     * (default 5 GiB, as storage_quota_gb in the original Supabase schema).
     */
    @WithDefault("5368709120")
    long storageQuotaBytes();
}
