package com.vibrationfit.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    private final String policy = ContentSecurityPolicy.of(
            "https://id.example.com/realms/vibrationfit",
            List.of("https://media.example.com/bucket", "https://media.example.com"));

    @Test
    void shouldAllowOnlyOwnScriptsAndStyles() {
        assertTrue(policy.contains("script-src 'self';"));
        assertTrue(policy.contains("style-src 'self';"));
        assertFalse(policy.contains("unsafe"));
        assertTrue(policy.contains("object-src 'none'"));
    }

    @Test
    void shouldConnectOnlyToTheGatewayTheProviderAndMediaByOrigin() {
        assertTrue(policy.contains("connect-src 'self' https://id.example.com https://media.example.com;"), policy);
        assertTrue(policy.contains("frame-src 'self' https://id.example.com;"), policy);
        assertTrue(policy.contains("img-src 'self' blob: data: https://media.example.com;"), policy);
    }

    @Test
    void shouldKeepPortsAndRefuseRelativeUrls() {
        assertEquals("http://127.0.0.1:8180", ContentSecurityPolicy.origin("http://127.0.0.1:8180/realms/x"));
        assertThrows(IllegalArgumentException.class, () -> ContentSecurityPolicy.origin("/realms/x"));
    }
}
