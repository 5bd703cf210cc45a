package com.vibrationfit.platform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void shouldTakeTheTokenOfABearerHeaderWhateverTheSchemeCase() {
        assertEquals("a.b.c", CachedBearerAuthentication.bearerToken("Bearer a.b.c"));
        assertEquals("a.b.c", CachedBearerAuthentication.bearerToken("bearer a.b.c"));
        assertEquals("a.b.c", CachedBearerAuthentication.bearerToken("BEARER a.b.c"));
    }

    @Test
    void shouldLeaveEverythingElseToQuarkusOidc() {
        assertNull(CachedBearerAuthentication.bearerToken(null));
        assertNull(CachedBearerAuthentication.bearerToken("Bearer"));
        assertNull(CachedBearerAuthentication.bearerToken("Bearer    "));
        assertNull(CachedBearerAuthentication.bearerToken("Basic YWxpY2U6YWxpY2U="));
        assertNull(CachedBearerAuthentication.bearerToken("Bearera.b.c"));
        assertNull(CachedBearerAuthentication.bearerToken("Bearer  a.b.c"));
        assertNull(CachedBearerAuthentication.bearerToken("Bearer a.b.c "));
        assertNull(CachedBearerAuthentication.bearerToken("Bearer a.b.c, Bearer d.e.f"));
    }
}
