package com.vibrationfit.platform.http;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.json.ControlCharacters;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every query and path parameter of every endpoint, decoded, must pass {@link ControlCharacters}
 * (a {@code %00} in {@code ?q=} used to reach PostgreSQL and fail with a 500). A refusal is a 400
 * naming each parameter; a parameter whose name itself is refused is named {@code query}. Runs after
 * matching, so a path that matches no endpoint stays a 404.
 */
public class ParameterTextFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("query", "the query string is not valid percent-encoding");
        }
        check(query, errors);
        check(uri.getPathParameters(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Optional<String> nameProblem = ControlCharacters.problemWith(name);
            if (nameProblem.isPresent()) {
                errors.add(new FieldError("query", "a parameter name " + nameProblem.get()));
                continue;
            }
            for (String value : parameter.getValue()) {
                Optional<String> problem = ControlCharacters.problemWith(value);
                if (problem.isPresent()) {
                    errors.add(new FieldError(name, problem.get()));
                    break;
                }
            }
        }
    }
}
