package com.vibrationfit.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog in readiness. A backlog does not make the service unready: requests
 * still commit safely and the events follow once Kafka is back; operators see the count here and
 * in the {@code outbox_pending} metric. Parked events (Kafka refused them for good) are counted here and
 * in {@code outbox_parked}; they hold back only their own member's later events.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox")
                .up()
                .withData("pending", relay.pending())
                .withData("parked", relay.parked());
        if (relay.lastError() != null) {
            builder.withData("last_error", relay.lastError());
        }
        if (relay.lastSuccess() != null) {
            builder.withData("last_published_at", relay.lastSuccess().toString());
        }
        return builder.build();
    }
}
