package com.vibrationfit.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Jackson module behind {@link RequestBodyMapper}: every string and object key of a request body
 * must pass {@link ControlCharacters}, every date and time {@link SupportedDates}. A refusal is a
 * {@link RefusedValue} naming the field by its place in the request document, taken from the parser
 * ({@code audio_recordings[0].transcript}, {@code sections[2]}, {@code metadata.tags[1]}), so the name
 * is exact even inside untyped maps, where Jackson itself records no path.
 *
 * <p>Coverage: the String deserializer serves String fields, collections, arrays and map values, and
 * Jackson's untyped deserializer (Object, {@code Map<String, Object>}) uses it for string values too;
 * the key deserializer serves the keys of {@code Map<String, ?>} fields; object keys nested inside
 * untyped values and everything inside JsonNode-typed fields are walked after reading.
 */
public final class RequestBodyRules extends SimpleModule {

    private static final Set<Class<?>> DATE_TYPES =
            Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDate.class, LocalDateTime.class);

    public RequestBodyRules() {
        super("vibrationfit-request-body-rules");
        addDeserializer(String.class, new CheckedString());
        addKeyDeserializer(String.class, new CheckedKey());
        addDeserializer(JsonNode.class, new CheckedTree<>(JsonNode.class));
        addDeserializer(ObjectNode.class, new CheckedTree<>(ObjectNode.class));
        addDeserializer(ArrayNode.class, new CheckedTree<>(ArrayNode.class));
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (DATE_TYPES.contains(type)) {
                    return new CheckedDate(deserializer);
                }
                if (type == Object.class) {
                    return new CheckedUntyped(deserializer);
                }
                return deserializer;
            }
        });
    }

    /** Jackson's own String reading (coercion rules included), then the text check. */
    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            Optional<String> problem = ControlCharacters.problemWith(text);
            if (problem.isPresent()) {
                throw new RefusedValue(p, fieldAt(p.getParsingContext(), false), problem.get());
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }

    static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            Optional<String> problem = ControlCharacters.problemWith(key);
            if (problem.isPresent()) {
                // The parser stands on the key: name the object that holds it, not the refused key itself.
                JsonParser p = ctxt.getParser();
                throw new RefusedValue(
                        p, p == null ? "" : fieldAt(p.getParsingContext(), true), "a key " + problem.get());
            }
            return key;
        }
    }

    /** A java.time value as its usual deserializer reads it, refused outside {@link SupportedDates}. */
    static final class CheckedDate extends DelegatingDeserializer {

        CheckedDate(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            Optional<String> problem = SupportedDates.problemWith(value);
            if (problem.isPresent()) {
                throw new RefusedValue(p, fieldAt(p.getParsingContext(), false), problem.get());
            }
            return value;
        }
    }

    /** Untyped values (maps and lists of anything): their string values are checked while read, keys here. */
    static final class CheckedUntyped extends DelegatingDeserializer {

        CheckedUntyped(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedUntyped(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            walk(p, value);
            return value;
        }
    }

    /** A JSON tree as Jackson reads it, then every key and string inside it checked. */
    static final class CheckedTree<T extends JsonNode> extends JsonDeserializer<T> {

        private final Class<T> type;

        CheckedTree(Class<T> type) {
            this.type = type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T tree = (T) JsonNodeDeserializer.getDeserializer(type).deserialize(p, ctxt);
            walk(p, tree);
            return tree;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return (T) JsonNodeDeserializer.getDeserializer(type).getNullValue(ctxt);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }

    /**
     * Checks every key and string inside {@code value}, just read: the parser has left it, so its context
     * names the value's own field, and the walk adds the way down to what was refused.
     */
    static void walk(JsonParser p, Object value) throws JsonMappingException {
        Deque<Object> path = new ArrayDeque<>();
        Optional<String> problem = find(value, path);
        if (problem.isPresent()) {
            StringBuilder field = new StringBuilder(fieldAt(p.getParsingContext(), false));
            path.forEach(step -> append(field, step));
            throw new RefusedValue(p, field.toString(), problem.get());
        }
    }

    /**
     * The JSON path of the parser's position in the request document: {@code a.b[2].c}. With
     * {@code containerOnly}, the object being read rather than its current property (for a refused key).
     */
    static String fieldAt(JsonStreamContext context, boolean containerOnly) {
        Deque<Object> steps = new ArrayDeque<>();
        boolean skipName = containerOnly;
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.addFirst(Math.max(c.getCurrentIndex(), 0));
            } else if (c.inObject() && c.getCurrentName() != null && !skipName) {
                steps.addFirst(c.getCurrentName());
            }
            skipName = false;
        }
        StringBuilder field = new StringBuilder();
        steps.forEach(step -> append(field, step));
        return field.toString();
    }

    private static void append(StringBuilder field, Object step) {
        if (step instanceof Integer index) {
            field.append('[').append(index).append(']');
        } else {
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(step);
        }
    }

    private static Optional<String> find(Object value, Deque<Object> path) {
        if (value instanceof String text) {
            return ControlCharacters.problemWith(text);
        }
        if (value instanceof JsonNode node) {
            if (node.isTextual()) {
                return ControlCharacters.problemWith(node.textValue());
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    Optional<String> problem = keyOrValue(field.getKey(), field.getValue(), path);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            } else if (node.isArray()) {
                return elements(node, path);
            }
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<String> problem = keyOrValue(String.valueOf(entry.getKey()), entry.getValue(), path);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            return elements(value instanceof Object[] array ? Arrays.asList(array) : (Iterable<?>) value, path);
        }
        return Optional.empty();
    }

    private static Optional<String> keyOrValue(String key, Object value, Deque<Object> path) {
        Optional<String> problem = ControlCharacters.problemWith(key).map(p -> "a key " + p);
        if (problem.isPresent()) {
            return problem;
        }
        path.addLast(key);
        problem = find(value, path);
        if (problem.isEmpty()) {
            path.removeLast();
        }
        return problem;
    }

    private static Optional<String> elements(Iterable<?> elements, Deque<Object> path) {
        int index = 0;
        for (Object element : elements) {
            path.addLast(index);
            Optional<String> problem = find(element, path);
            if (problem.isPresent()) {
                return problem;
            }
            path.removeLast();
            index++;
        }
        return Optional.empty();
    }
}
