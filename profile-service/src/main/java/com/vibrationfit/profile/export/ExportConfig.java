package com.vibrationfit.profile.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/** How exports are collected, kept and handed out. */
@ConfigMapping(prefix = "vf.exports")
public interface ExportConfig {

    /**
     * The services whose parts make an archive: every service that stores member data. A new service adds its
     * name here and a {@code UserDataExporter} bean in its code.
     */
    @WithDefault("profile-service,vision-service,assessment-service,journal-service,media-service,ai-usage-service")
    @Size(min = 1, max = MAX_PARTS)
    List<@Size(min = 1, max = SERVICE_NAME_MAX_LENGTH) String> parts();

    /** The most services an export waits for (what the API documents). */
    int MAX_PARTS = 20;

    /** The longest service name (a Kubernetes DNS label). */
    int SERVICE_NAME_MAX_LENGTH = 63;

    /** How long the parts may take to arrive; past it the export fails, naming the services still missing. */
    @WithDefault("PT10M")
    Duration partTimeout();

    /** How long a ready archive is kept before it is deleted (the member can ask for a new one). */
    @WithDefault("P7D")
    Duration keep();

    /** Lifetime of a download URL: short, a presigned URL cannot be revoked. */
    @WithDefault("PT5M")
    Duration downloadUrlTtl();

    /**
     * How often the job looks for complete, overdue and expired exports in any case (an arriving part wakes it at
     * once, so this only paces retries after an outage, timeouts and expiry: an idle service barely queries).
     */
    @WithDefault("PT10S")
    Duration every();

    /**
     * How long an assembly is leased to one instance; renewed every third of it while the instance works, so it
     * runs out only when the instance died (another then takes the export up).
     */
    @WithDefault("PT1M")
    Duration assemblyLease();

    /** Assemblies that fail for a reason other than an outage before the export is failed. */
    @WithDefault("5")
    int assemblyAttempts();

    /** How many exports a member may ask for within {@link #window()} (failed ones do not count): each copies all. */
    @WithDefault("3")
    int maxPerWindow();

    @WithDefault("P1D")
    Duration window();
}
