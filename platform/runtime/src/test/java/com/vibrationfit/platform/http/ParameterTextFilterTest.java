package com.vibrationfit.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterTextFilterTest {

    private static UriInfo uri(MultivaluedMap<String, String> query, MultivaluedMap<String, String> path) {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getQueryParameters" -> query;
                    case "getPathParameters" -> path;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static MultivaluedMap<String, String> params(String... nameValue) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.add(nameValue[i], nameValue[i + 1]);
        }
        return map;
    }

    @Test
    void shouldPassOrdinaryParameters() {
        new ParameterTextFilter()
                .refuseControlCharacters(uri(
                        params("q", "\"sun\" -rain", "from", "2026-01-01"),
                        params("id", "6b0e6c1e-0000-4000-8000-000000000000")));
    }

    @Test
    void shouldNameEveryQueryAndPathParameterWithAControlCharacter() {
        InvalidRequest refused = assertThrows(
                InvalidRequest.class,
                () -> new ParameterTextFilter()
                        .refuseControlCharacters(uri(
                                params("q", "a\u0000b", "limit", "5", "tz", "Europe/Paris\u0007"),
                                params("id", "\u0001"))));
        assertEquals(400, refused.status());
        List<String> fields =
                refused.errors().stream().map(FieldError::field).sorted().toList();
        assertEquals(List.of("id", "q", "tz"), fields);
        FieldError q = refused.errors().stream()
                .filter(e -> e.field().equals("q"))
                .findFirst()
                .orElseThrow();
        assertTrue(q.message().contains("U+0000 at index 1"), q.message());
    }

    @Test
    void shouldRefuseAControlCharacterInAParameterName() {
        InvalidRequest refused = assertThrows(
                InvalidRequest.class,
                () -> new ParameterTextFilter().refuseControlCharacters(uri(params("a\u0000", "1"), params())));
        assertEquals("query", refused.errors().get(0).field());
    }
}
