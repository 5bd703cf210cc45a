package com.vibrationfit.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void shouldReportJavaPropertyNamesAsSnakeCaseJsonNames() {
        assertEquals("image_url", ProblemMappers.snakeCase("imageUrl"));
        assertEquals("copy_from", ProblemMappers.snakeCase("copyFrom"));
        assertEquals("title", ProblemMappers.snakeCase("title"));
    }
}
