package com.vibrationfit.platform.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.vibrationfit.platform.db.TransientFailures;
import com.vibrationfit.platform.security.MemberDeleted;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place exceptions become HTTP answers: every error is RFC 9457 problem+json, bad input is a
 * 4xx naming the field, and nothing internal leaks in a 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return e.toProblem().toResponse();
    }

    @ServerExceptionMapper
    public Response paymentRequired(PaymentRequired e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequests e) {
        return Response.fromResponse(e.toProblem().toResponse())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.size() == 1
                ? "invalid field '" + errors.get(0).field() + "': "
                        + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problem.invalid(detail, errors).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonParse(JsonParseException e) {
        return JsonErrors.toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return JsonErrors.toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e) {
        return JsonErrors.toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonProcessing(JsonProcessingException e) {
        return JsonErrors.toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse("a valid bearer token is required");
    }

    @ServerExceptionMapper(priority = 1)
    public Response memberDeleted(MemberDeleted e) {
        return unauthorizedResponse("the account of this token was deleted");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorizedResponse("the bearer token is missing, invalid or expired");
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", "this action is not allowed for the caller")
                .toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return JsonErrors.toProblem(json).toResponse();
        }
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthorizedResponse("a valid bearer token is required");
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed on this resource";
            case 406 -> "this resource answers application/json";
            case 413 -> "the request body is larger than allowed";
            case 415 -> "send the body as application/json";
            default -> e.getMessage();
        };
        return Problem.of(status, title, slug(title), detail).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response persistence(PersistenceException e) {
        String state = sqlState(e);
        if (isUnstorableValue(state)) {
            return unstorable(e); // before the transient check: sending it again can never succeed
        }
        if (TransientFailures.isTransient(e)) {
            return unavailable(e);
        }
        if ("42501".equals(state)) {
            // Row-level security refused the row: to the caller it does not exist.
            return Problem.of(Response.Status.NOT_FOUND, "not-found", "the resource was not found")
                    .toResponse();
        }
        if ("23505".equals(state)) {
            return Problem.of(Response.Status.CONFLICT, "conflict", "a resource with these values already exists")
                    .toResponse();
        }
        if ("23514".equals(state) || "22001".equals(state) || "22P02".equals(state)) {
            return Problem.of(Response.Status.BAD_REQUEST, "validation", "a value is outside the allowed range")
                    .toResponse();
        }
        LOG.error("unexpected persistence failure", e);
        return internal();
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e) {
        if (isUnstorableValue(sqlState(e))) {
            return unstorable(e); // e.g. raised at commit, wrapped in a RollbackException (which alone means 503)
        }
        if (TransientFailures.isTransient(e)) {
            return unavailable(e);
        }
        LOG.error("unexpected failure", e);
        return internal();
    }

    /** The database (or another part) is unavailable for a moment: nothing was written; try again. */
    private static Response unavailable(Throwable e) {
        LOG.warnf("answering 503, a part is unavailable: %s", e.getMessage());
        return Response.status(503)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .type(Problem.MEDIA)
                .entity(
                        Problem.of(
                                Response.Status.SERVICE_UNAVAILABLE,
                                "unavailable",
                                "the service cannot reach its database or storage right now; nothing was changed, try again shortly"))
                .build();
    }

    /**
     * Last line of defence behind the request checks ({@code RequestBodyRules}, {@code ParameterTextFilter}):
     * PostgreSQL refusing a value it cannot store is bad input, not a server failure. 22021 a NUL or an
     * invalid byte in text, 22P05 a NUL escape in jsonb, 22008 a date or time out of range, 22007 an
     * invalid date or time format. Which field is unknown here, so none is named.
     */
    static boolean isUnstorableValue(String state) {
        return "22021".equals(state) || "22P05".equals(state) || "22008".equals(state) || "22007".equals(state);
    }

    private static Response unstorable(Throwable e) {
        LOG.warnf("a value PostgreSQL cannot store reached the database: %s", e.getMessage());
        return Problem.of(
                        Response.Status.BAD_REQUEST,
                        "validation",
                        "a value cannot be stored: text with control characters, or a date or time outside 0001-9999")
                .toResponse();
    }

    private static Response internal() {
        return Problem.of(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "internal",
                        "the server failed; the failure is logged and nothing was changed")
                .toResponse();
    }

    static Response unauthorizedResponse(String detail) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA)
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail))
                .build();
    }

    private static String slug(String title) {
        return title.toLowerCase().replace(' ', '-');
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The JSON name of the violated field: the bean property path after the method and parameter. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        boolean parameterOnly = false;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                // A query or path parameter keeps its name; a body parameter is replaced by its properties.
                name.setLength(0);
                name.append(snakeCase(node.getName()));
                parameterOnly = true;
            } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
                if (parameterOnly) {
                    name.setLength(0);
                    parameterOnly = false;
                }
                if (node.getIndex() != null) {
                    name.append('[').append(node.getIndex()).append(']');
                }
                if (kind == ElementKind.PROPERTY) {
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(snakeCase(node.getName()));
                }
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    static String snakeCase(String name) {
        if (name == null) {
            return "";
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
