package com.vibrationfit.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class TypeBoundsTest {

    private static Schema string(String format) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(format);
    }

    private static Schema integer(String format) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(format);
    }

    @Test
    void shouldWriteTheBoundsATypeEnforcesIntoNestedSchemas() {
        Schema id = string("uuid");
        Schema day = string("date");
        Schema at = string("date-time");
        Schema count = integer("int32");
        Schema total = integer("int64").minimum(BigDecimal.ZERO);
        Schema free = string(null);
        Schema view = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("id", id)
                .addProperty(
                        "days",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(day))
                .addProperty("at", at)
                .addProperty("count", count)
                .addProperty("total", total)
                .addProperty("text", free);
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("View", view));

        TypeBounds.apply(api);

        assertEquals(36, id.getMaxLength());
        assertEquals(10, day.getMaxLength());
        assertEquals(TypeBounds.DATE_TIME_LENGTH, at.getMaxLength());
        assertEquals(BigDecimal.valueOf(Integer.MIN_VALUE), count.getMinimum());
        assertEquals(BigDecimal.valueOf(Integer.MAX_VALUE), count.getMaximum());
        assertEquals(BigDecimal.ZERO, total.getMinimum(), "a bound an annotation states is kept");
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), total.getMaximum());
        assertNull(free.getMaxLength(), "free text has no bound its type implies");
    }

    @Test
    void shouldKeepANarrowerLength() {
        Schema id = string("uuid").maxLength(20);
        TypeBounds.apply(OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Id", id)));
        assertEquals(20, id.getMaxLength());
    }
}
