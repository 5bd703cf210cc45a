package com.vibrationfit.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ingress in front of the gateway waits longer than the gateway's longest route: otherwise a slow VIVA reply
 * is cut by the ingress with a bare 504 page instead of the gateway's problem+json (or its answer).
 */
class IngressTimeoutTest {

    @Test
    void shouldWaitLongerAtTheIngressThanOnAnyGatewayRoute() throws IOException {
        Properties gateway = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            gateway.load(reader);
        }
        Duration longest = gateway.stringPropertyNames().stream()
                .filter(k -> k.matches("vf\\.gateway\\.routes\\.[^.]+\\.timeout"))
                .map(k -> Duration.parse(gateway.getProperty(k).trim()))
                .max(Duration::compareTo)
                .orElseThrow();
        String ingress = Files.readString(Path.of("../deploy/k8s/base/gateway/ingress.yaml"));
        for (String annotation : new String[] {"proxy-read-timeout", "proxy-send-timeout"}) {
            Matcher m = Pattern.compile("nginx\\.ingress\\.kubernetes\\.io/" + annotation + ":\\s*\"(\\d+)\"")
                    .matcher(ingress);
            assertTrue(m.find(), annotation + " is set");
            long seconds = Long.parseLong(m.group(1));
            assertTrue(
                    seconds > longest.toSeconds(),
                    annotation + " " + seconds + " s must exceed the gateway's longest route (" + longest.toSeconds()
                            + " s)");
        }
    }
}
