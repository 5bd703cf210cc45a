package com.vibrationfit.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.gateway.EchoUpstream;
import com.vibrationfit.platform.testing.TestTokens;
import com.vibrationfit.platform.testing.TracingOn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, a request's trace starts at the gateway and continues in the service it is routed to: the
 * upstream call carries a {@code traceparent} of the gateway's trace, and the gateway's span reaches the collector.
 */
@QuarkusTest
@QuarkusTestResource(value = TracingOn.class, restrictToAnnotatedClass = true)
class TracePropagationTest {

    @Test
    void shouldContinueTheRequestsTraceInTheUpstreamCall() {
        given().auth()
                .oauth2(TestTokens.forUser(UUID.randomUUID()))
                .get("/api/v1/visions/traced")
                .then()
                .statusCode(200);
        String traceParent = EchoUpstream.last("/api/v1/visions/traced").header("traceparent");
        assertNotNull(traceParent, "the upstream call carries the trace context");
        String traceId = traceParent.split("-")[1];
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TracingOn.receiver().trace(traceId).isEmpty());
        assertTrue(TracingOn.receiver().trace(traceId).stream()
                .anyMatch(s -> s.service().equals("gateway")));
    }
}
