package com.vibrationfit.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The ObjectMapper Quarkus REST reads request bodies with (and writes answers with): the application's
 * mapper, {@link StrictJson} included, plus {@link RequestBodyRules} (no control characters, dates in
 * the supported range). Only HTTP bodies get the rules: the application's own mapper also reads stored
 * JSON and consumed events, and a row or event written before these rules existed must stay readable
 * rather than turn every later read of it into an error.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestBodyMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper;

    @Inject
    public RequestBodyMapper(ObjectMapper application) {
        this.mapper = application.copy().registerModule(new RequestBodyRules());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
