package com.vibrationfit.media.spend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reserve, then capture (narration, and transcription by the same calls): a paid narration holds the member's tokens (one per character) before the
 * provider is called, and is charged the characters actually narrated after. Free providers (espeak-ng) skip
 * this: they record their usage on ai.usage at cost 0.
 */
@ApplicationScoped
public class NarrationSpending {

    private static final Logger LOG = Logger.getLogger(NarrationSpending.class);
    public static final String ACTION = "audio_generation";

    @Inject
    @RestClient
    AiSpendClient client;

    /** The reservation's id; {@link NotEnoughTokens} on 402; any other failure is transient (retried later). */
    public String reserve(UUID userId, int characters) {
        return reserve(userId, ACTION, characters);
    }

    /** A hold of {@code tokens} for another kind of call ({@code action_type}), e.g. a transcription. */
    public String reserve(UUID userId, String action, int tokens) {
        try (Response response = client.reserve(
                Map.of("user_id", userId.toString(), "action_type", action, "estimated_tokens", Math.max(1, tokens)))) {
            if (response.getStatus() == 402) {
                @SuppressWarnings("unchecked")
                Map<String, Object> problem = response.readEntity(Map.class);
                throw new NotEnoughTokens(number(problem.get("remaining")), number(problem.get("required")));
            }
            if (response.getStatus() != 201) {
                throw new IllegalStateException("token reservation failed: HTTP " + response.getStatus());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> reservation = response.readEntity(Map.class);
            return reservation.get("id").toString();
        }
    }

    /**
     * What a narration is charged: the body of its capture. It travels twice, and is charged once: over HTTP right
     * after the result is committed (the fast path), and inside that commit's {@code ai.usage.recorded} event,
     * which ai-usage-service captures from when the HTTP call never arrived.
     */
    public static Map<String, Object> captureOf(String model, int characters) {
        return Map.of("model_used", model, "characters", characters, "success", true);
    }

    /**
     * Charges what was narrated, now. A failure here loses nothing: the committed usage event carries the same
     * capture and ai-usage-service applies it when it reads the event (capturing twice charges once).
     */
    public void capture(String reservation, String model, int characters) {
        capture(reservation, captureOf(model, characters));
    }

    /** Charges a call by the body ai-usage-service prices it from (the same body its usage event carries). */
    public void capture(String reservation, Map<String, Object> body) {
        try (Response response = client.capture(reservation, body)) {
            if (response.getStatus() != 200) {
                LOG.infof(
                        "capturing reservation %s answered HTTP %d; its usage event will capture it",
                        reservation, response.getStatus());
            }
        } catch (RuntimeException e) {
            LOG.infof(
                    "capturing reservation %s failed (%s); its usage event will capture it",
                    reservation, e.getMessage());
        }
    }

    /** Frees the hold of a narration that failed; if this fails too, the reservation expires by itself. */
    public void release(String reservation) {
        try (Response response = client.release(reservation)) {
            if (response.getStatus() != 200) {
                LOG.infof("releasing reservation %s answered HTTP %d", reservation, response.getStatus());
            }
        } catch (RuntimeException e) {
            LOG.infof("releasing reservation %s failed (%s); it will expire by itself", reservation, e.getMessage());
        }
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : -1;
    }
}
