package com.vibrationfit.media.objects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long an object that lost every reference is kept, how often {@link UnreferencedObjectSweeper} looks, and how
 * long {@link ReferrerTombstones} keeps a deleted entity's tombstone.
 */
@ConfigMapping(prefix = "vf.media")
public interface MediaReferencesConfig {

    /**
     * How late a reference from another entity or service may arrive and still save an object whose last
     * reference went away (events of different topics, and of one topic's outbox, are not in commit order).
     */
    @WithDefault("PT10M")
    Duration orphanGrace();

    /** How often the sweeper runs (also read by its {@code @Scheduled} expression). */
    @WithDefault("PT1M")
    Duration orphanSweepEvery();

    /**
     * How long a deleted entity's tombstone ({@code media_referrers.deleted}) is kept: longer than any topic that
     * can bring back an older announcement of it (14 days for the dead-letter topics, 7 for the others), after
     * which no such announcement can arrive and the row only takes space.
     */
    @WithDefault("P30D")
    Duration referrerTombstoneKeep();
}
