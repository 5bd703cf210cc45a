package com.vibrationfit.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InvalidRequestTest {

    @Test
    void shouldPassAPresentBodyThrough() {
        Object body = new Object();
        assertSame(body, InvalidRequest.requireBody(body, "a JSON object"));
    }

    @Test
    void shouldNameTheBodyWhenItIsMissing() {
        InvalidRequest error =
                assertThrows(InvalidRequest.class, () -> InvalidRequest.requireBody(null, "a JSON object"));
        assertEquals(400, error.status());
        assertEquals("body", error.errors().get(0).field());
        assertEquals("a JSON object is required", error.errors().get(0).message());
    }
}
