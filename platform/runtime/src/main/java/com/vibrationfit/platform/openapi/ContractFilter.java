package com.vibrationfit.platform.openapi;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes every service's OpenAPI document into the contract frontends and security tools read (registered for
 * every service as {@code mp.openapi.filter} in the platform's microprofile-config.properties):
 * <ul>
 * <li>every operation gets an {@code operationId}, derived from its method and path ({@code GET
 * /api/v1/visions/{id}/sections} is {@code getVisionsByIdSections}); one a resource names itself is kept. Path-derived
 * ids change only when the URL does, never when a Java class or method is renamed, so generated clients stay put;
 * paths are unique across services, so are the ids in the gateway's merged document;</li>
 * <li>the {@code Problem} and {@code FieldError} schemas: the RFC 9457 body of every error ({@link Problem});</li>
 * <li>on every operation, the error answers the platform gives whatever the resource does (see
 * {@code ProblemMappers}, {@code ParameterTextFilter}, {@code BodyLimitFilter}, and the gateway in front), where the
 * resource does not document them itself; an error answer a resource documents without a body gets the problem
 * body;</li>
 * <li>a description of the bearer security scheme.</li>
 * </ul>
 * Deterministic and idempotent: Quarkus runs it when the document is built and again when the service starts.
 */
public class ContractFilter implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** {@code /api/v1}, {@code /internal/v1}: the same for every operation of a kind, so not part of its id. */
    private static final Pattern PREFIX = Pattern.compile("^/(api|internal)/v[0-9]+(?=/|$)");

    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+");
    /** The order operations of one path are named in, so a clash resolves the same way every time. */
    private static final List<PathItem.HttpMethod> METHODS = List.of(
            PathItem.HttpMethod.GET,
            PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.POST,
            PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH,
            PathItem.HttpMethod.DELETE,
            PathItem.HttpMethod.OPTIONS,
            PathItem.HttpMethod.TRACE);

    /**
     * Retry-After in seconds: 5 for a 503; for a 429 the time until the limit lets the member in again, at most the
     * longest window a limit uses (a day: account exports per day).
     */
    private static final int MAX_RETRY_AFTER_SECONDS = 86_400;

    static final String BEARER_DESCRIPTION = "An OIDC access token (a signed JWT) from the VibrationFit identity "
            + "provider, sent as `Authorization: Bearer <token>`. The gateway and every service verify it themselves "
            + "following the JWT best current practices of RFC8725: signature against the provider's published keys "
            + "(JWKS), issuer, audience `vibrationfit-api` and expiry.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        describeBearer(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            List<Located> operations = operations(openAPI);
            nameOperations(operations);
            for (Located located : operations) {
                documentErrors(
                        located, secured(located.operation(), openAPI), requiresRole(located.operation(), openAPI));
            }
        }
        TypeBounds.apply(openAPI);
    }

    /** An operation and where it is. */
    record Located(String path, PathItem.HttpMethod method, Operation operation) {}

    /** Every operation: public ({@code /api/...}) paths first, then the others, each by path, then by method. */
    static List<Located> operations(OpenAPI openAPI) {
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        List<String> paths = new ArrayList<>(items.keySet());
        paths.sort(Comparator.comparing((String path) -> path.startsWith("/api/") ? 0 : 1)
                .thenComparing(path -> path));
        List<Located> operations = new ArrayList<>();
        for (String path : paths) {
            PathItem item = items.get(path);
            if (item == null || item.getOperations() == null) {
                continue;
            }
            for (PathItem.HttpMethod method : METHODS) {
                Operation operation = item.getOperations().get(method);
                if (operation != null) {
                    operations.add(new Located(path, method, operation));
                }
            }
        }
        return operations;
    }

    // ---- operationIds -------------------------------------------------------------------------------------------

    /**
     * Names every operation without an id: method and path without its {@code /api/v1} prefix; if that is taken, the
     * path's kind is kept ({@code getInternalOperationsOutbox}); if that is taken too, a number follows.
     */
    static void nameOperations(List<Located> operations) {
        Set<String> taken = new HashSet<>();
        for (Located located : operations) {
            String id = located.operation().getOperationId();
            if (id != null && !id.isBlank()) {
                taken.add(id);
            }
        }
        for (Located located : operations) {
            String id = located.operation().getOperationId();
            if (id != null && !id.isBlank()) {
                continue;
            }
            String method = located.method().name().toLowerCase(Locale.ROOT);
            String chosen = operationId(method, PREFIX.matcher(located.path()).replaceFirst(""));
            if (taken.contains(chosen)) {
                chosen = operationId(method, PREFIX.matcher(located.path()).replaceFirst("/$1"));
            }
            if (taken.contains(chosen)) {
                String base = chosen;
                int n = 2;
                while (taken.contains(base + n)) {
                    n++;
                }
                chosen = base + n;
            }
            taken.add(chosen);
            located.operation().setOperationId(chosen);
        }
    }

    /** {@code get} and {@code /visions/{id}/sections}: {@code getVisionsByIdSections}. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                int regex = name.indexOf(':'); // a JAX-RS template may carry a pattern: {id: [0-9]+}
                id.append("By");
                appendWords(id, (regex < 0 ? name : name.substring(0, regex)).strip());
            } else {
                appendWords(id, segment);
            }
        }
        if (id.length() == method.length()) {
            id.append("Root");
        }
        return id.toString();
    }

    private static void appendWords(StringBuilder id, String text) {
        for (String word : WORD_BREAK.split(text)) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
    }

    // ---- error answers ------------------------------------------------------------------------------------------

    /** A bearer (or any) requirement applies: the operation's own, else the document's. */
    static boolean secured(Operation operation, OpenAPI openAPI) {
        return requirements(operation, openAPI).stream()
                .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }

    /**
     * The requirement names the roles the operation needs ({@code @SecurityRequirement(name = "bearer", scopes =
     * "admin")} beside {@code @RolesAllowed("admin")}): only then can a valid token be refused with 403. An operation
     * that any signed-in member may call answers 401 or goes on.
     */
    static boolean requiresRole(Operation operation, OpenAPI openAPI) {
        return requirements(operation, openAPI).stream()
                .filter(r -> r.getSchemes() != null)
                .flatMap(r -> r.getSchemes().values().stream())
                .anyMatch(roles -> roles != null && !roles.isEmpty());
    }

    private static List<SecurityRequirement> requirements(Operation operation, OpenAPI openAPI) {
        List<SecurityRequirement> requirements =
                operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return requirements == null
                ? List.of()
                : requirements.stream().filter(Objects::nonNull).toList();
    }

    static void documentErrors(Located located, boolean secured, boolean requiresRole) {
        Operation operation = located.operation();
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean publicPath = located.path().startsWith("/api/");
        add(
                responses,
                "400",
                "Bad input: the body is not valid JSON, or a field, parameter or header is invalid; "
                        + "`errors` names each invalid field");
        if (secured) {
            add(
                    responses,
                    "401",
                    "No bearer token, or it is invalid, expired, for another audience, or its account "
                            + "was deleted");
        }
        if (secured && requiresRole) {
            add(responses, "403", "The token is valid but does not allow this operation (a role it needs is missing)");
        }
        if (located.path().contains("{")) {
            add(responses, "404", "Nothing at this path for the caller: no such resource, or not one of theirs");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The request body is larger than this API accepts");
        }
        if (publicPath) {
            // Every request through the gateway counts against the member's rate limit; some operations also have an
            // allowance of their own. Either answers 429 with Retry-After.
            add(
                    responses,
                    "429",
                    "Too many requests: the member's rate limit, or this operation's own allowance, is "
                            + "used up; send it again after Retry-After seconds");
        }
        add(responses, "500", "The server failed; the failure is logged and nothing was changed");
        add(
                responses,
                "503",
                "The database or storage cannot be reached right now; nothing was changed, send it again "
                        + "after Retry-After seconds");

        // Every error answer, the resource's own included, is a problem document; 429 and 503 say when to retry,
        // 401 how to authenticate.
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (response == null || response.getRef() != null || !isError(code)) {
                continue;
            }
            if (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(problemContent());
            }
            if (code.equals("429") || code.equals("503")) {
                addHeaderIfAbsent(response, "Retry-After", retryAfter());
            }
            if (code.equals("401")) {
                addHeaderIfAbsent(response, "WWW-Authenticate", wwwAuthenticate());
            }
        }
        if (publicPath) {
            // The gateway says where the member's rate limit stands on every answer to a member: all but 401 (no
            // member is known then) and the 5xx it passes on.
            for (Map.Entry<String, APIResponse> entry :
                    responses.getAPIResponses().entrySet()) {
                String code = entry.getKey();
                if (entry.getValue() != null
                        && entry.getValue().getRef() == null
                        && (code.startsWith("2") || code.startsWith("4"))
                        && !code.equals("401")) {
                    addHeaderIfAbsent(
                            entry.getValue(),
                            "RateLimit-Limit",
                            count("Requests a member may send in a burst (the gateway's rate limit)"));
                    addHeaderIfAbsent(
                            entry.getValue(),
                            "RateLimit-Remaining",
                            count("Requests left of the burst after this one"));
                    addHeaderIfAbsent(
                            entry.getValue(),
                            "RateLimit-Reset",
                            count("Seconds until the whole burst is available again"));
                }
            }
        }
        sortByCode(responses);
    }

    private static void add(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void addHeaderIfAbsent(APIResponse response, String name, Header header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, header);
        }
    }

    /** Status codes in ascending order, {@code default} last: how a reader scans them. */
    private static void sortByCode(APIResponses responses) {
        Map<String, APIResponse> sorted = new LinkedHashMap<>(new TreeMap<>(responses.getAPIResponses()));
        APIResponse fallback = sorted.remove(APIResponses.DEFAULT);
        if (fallback != null) {
            sorted.put(APIResponses.DEFAULT, fallback);
        }
        responses.setAPIResponses(sorted);
    }

    static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader()
                .description("Seconds to wait before sending the request again")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(MAX_RETRY_AFTER_SECONDS)));
    }

    private static Header count(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(BigDecimal.ZERO)
                        .maximum(BigDecimal.valueOf(MAX_RETRY_AFTER_SECONDS)));
    }

    private static Header wwwAuthenticate() {
        return OASFactory.createHeader()
                .description("The authentication scheme to use")
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .addEnumeration("Bearer"));
    }

    // ---- schemas and security scheme ----------------------------------------------------------------------------

    /**
     * {@link Problem} as Jackson writes it: empty {@code detail}, {@code instance} and {@code errors} are left out
     * ({@code NON_EMPTY}); {@code instance} is never set today. {@code type} and {@code title} come from the server's
     * own constants (a problem URL under https://api.vibrationfit.com/problems/ and an HTTP reason phrase or a title
     * of an {@code ApiException}). {@code detail} and the field errors may quote what the request sent: {@link Problem}
     * and {@link FieldError} cut them to the bounds stated here.
     */
    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (application/problem+json): what went wrong, for a person "
                        + "(title, detail) and for a program (type, status); `errors` lists every invalid field of a "
                        + "refused request.")
                .addProperty(
                        "type",
                        string(200)
                                .format("uri")
                                .description(
                                        "Identifies the kind of problem: https://api.vibrationfit.com/problems/{slug}"))
                .addProperty("title", string(100).description("Short summary of the kind of problem"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599))
                                .description("The HTTP status code of this answer"))
                .addProperty("detail", string(Problem.DETAIL_MAX_LENGTH).description("What went wrong in this request"))
                .addProperty(
                        "instance",
                        string(4096)
                                .format("uri-reference")
                                .description("The request this problem occurred in (not sent today)"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR))
                                .maxItems(Problem.MAX_ERRORS)
                                .description("Every invalid field of a refused request (the first "
                                        + Problem.MAX_ERRORS
                                        + "), ordered by field; left out when none"))
                .addProperty("remaining", tokens("402 only: the AI tokens the member has now (PaymentRequired)"))
                .addProperty("required", tokens("402 only: the AI tokens the call needs"))
                .required(List.of("type", "title", "status"));
    }

    /** {@code FieldError}: the field's JSON name (snake_case, dotted when nested, [i] for elements) and why. */
    static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a refused request")
                .addProperty(
                        "field",
                        string(FieldError.FIELD_MAX_LENGTH)
                                .description(
                                        "The field's JSON name: snake_case, dotted for nested fields, [i] for elements "
                                                + "(`sections[2]`), `body` for the whole body, `query` for the query string"))
                .addProperty("message", string(FieldError.MESSAGE_MAX_LENGTH).description("Why the value was refused"))
                .required(List.of("field", "message"));
    }

    private static Schema tokens(String description) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER)
                .format("int32")
                .minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(Integer.MAX_VALUE))
                .description(description);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    /** Says what the bearer scheme's token is, unless a description other than Quarkus' placeholder is there. */
    static void describeBearer(Components components) {
        if (components.getSecuritySchemes() == null) {
            return;
        }
        for (SecurityScheme scheme : components.getSecuritySchemes().values()) {
            if (scheme != null
                    && scheme.getType() == SecurityScheme.Type.HTTP
                    && "bearer".equalsIgnoreCase(scheme.getScheme())
                    && (scheme.getDescription() == null
                            || scheme.getDescription().isBlank()
                            || scheme.getDescription().equals("Authentication"))) {
                scheme.setDescription(BEARER_DESCRIPTION);
                if (scheme.getBearerFormat() == null) {
                    scheme.setBearerFormat("JWT");
                }
            }
        }
    }
}
