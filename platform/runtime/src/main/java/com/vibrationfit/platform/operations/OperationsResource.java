package com.vibrationfit.platform.operations;

import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.inbox.DeadLetterReplay;
import com.vibrationfit.platform.outbox.OutboxOperations;
import com.vibrationfit.platform.outbox.OutboxRelay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an operator does when events are stuck, in every service: parked outbox events and dead-letter
 * topics, listed and replayed. Internal (the gateway never routes {@code /internal}) and only for tokens
 * carrying the realm role {@code operator}; {@code ./vf ops} calls it locally, and the same calls work in
 * production (docs/operations.md).
 */
@Path("/internal/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(OperationsResource.OPERATOR)
@SecurityRequirement(name = "bearer", scopes = OperationsResource.OPERATOR)
@Tag(name = "operations", description = "Operator-only: parked outbox events and dead-letter replays")
public class OperationsResource {

    public static final String OPERATOR = "operator";

    /** The outbox's parked events and their count. */
    public record OutboxState(long pending, long parked, List<OutboxOperations.ParkedEvent> events) {}

    public record Released(int released) {}

    @Inject
    OutboxOperations outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DeadLetterReplay deadLetters;

    @GET
    @Path("/outbox")
    @Operation(summary = "Pending and parked outbox events (parked ones listed without their payload)")
    public OutboxState outbox() {
        List<OutboxOperations.ParkedEvent> parked = outbox.parked();
        return new OutboxState(relay.pending(), parked.size(), parked);
    }

    @POST
    @Path("/outbox/parked/replay")
    @Operation(
            summary =
                    "Put parked events back in line (all, or ?id=); they are parked again if Kafka still refuses them")
    public Released replayParked(@QueryParam("id") UUID id) {
        return new Released(outbox.replay(id));
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Every consumer's dead-letter topic and how many records wait there for a replay")
    public List<DeadLetterReplay.DeadLetters> deadLetters() {
        return deadLetters.list();
    }

    @POST
    @Path("/dead-letters/{channel}/replay")
    @Operation(summary = "Feed a consumer's dead-letter topic back into that consumer (idempotent, resumable)")
    public DeadLetterReplay.ReplayReport replay(@PathParam("channel") String channel) {
        return deadLetters
                .replay(channel)
                .orElseThrow(
                        () -> new NotFound("no consumer '" + channel + "' with a dead-letter topic in this service"));
    }
}
