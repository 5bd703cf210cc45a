package com.vibrationfit.platform.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.vibrationfit.platform.json.RefusedValue;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Turns Jackson's reading failures into field errors a frontend developer can act on. */
public final class JsonErrors {

    private JsonErrors() {}

    public static Problem toProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException cause) {
            return toProblem(cause);
        }
        if (e instanceof JsonParseException parse) {
            return Problem.of(
                    400,
                    "Bad Request",
                    "malformed-json",
                    "the request body is not valid JSON (line "
                            + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr() + ")");
        }
        if (e instanceof JsonMappingException mapping) {
            FieldError error = fieldError(mapping);
            return Problem.invalid("invalid field '" + error.field() + "': " + error.message(), List.of(error));
        }
        return Problem.of(400, "Bad Request", "malformed-json", "the request body could not be read");
    }

    /** The field a Jackson binding failure names, and what is wrong with it. */
    public static FieldError fieldError(JsonMappingException e) {
        if (e instanceof RefusedValue refused) {
            return new FieldError(orBody(refused.field()), refused.getOriginalMessage());
        }
        String field = path(e);
        if (e instanceof PropertyBindingException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            return new FieldError(name, "unknown field; known fields are " + unknown.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return new FieldError(orBody(field), instantiation.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new FieldError(orBody(field), "unknown value '" + format.getValue() + "'");
            }
            return new FieldError(orBody(field), "'" + format.getValue() + "' is not " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(orBody(field), "expected " + describe(mismatch.getTargetType()));
        }
        String message = e.getOriginalMessage();
        return new FieldError(orBody(field), message == null ? "invalid value" : message);
    }

    private static String orBody(String field) {
        return field.isEmpty() ? "body" : field;
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        return "an object";
    }
}
