package dev.twin.replayer.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.twin.replayer.internal.http.TwinRequest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one operation checks on a request, compiled once from the spec (cache one per operation; it is
 * immutable and thread-safe): credentials, required and typed path/query/header/cookie parameters, the body
 * against the schema of its media type. Validating a request runs only precompiled checks.
 *
 * <pre>{@code
 * OperationValidator validator = OperationValidator.compile(operation, registry, openApi.getSecurity());
 * DecodedRequest decoded = validator.decode(request, pathParams);
 * ValidationResult result = validator.validate(decoded);
 * }</pre>
 */
public final class OperationValidator {
    private final RequestDecoder decoder;
    private final SecurityCheck security;
    private final FieldLimits fieldLimits;

    private OperationValidator(RequestDecoder decoder, SecurityCheck security, FieldLimits fieldLimits) {
        this.decoder = decoder;
        this.security = security;
        this.fieldLimits = fieldLimits;
    }

    /**
     * Compiles the checks of {@code operation} whose path-level parameters are already merged in.
     *
     * @param registry       the spec's shared schema registry ({@link SchemaRegistry#of(Components)})
     * @param globalSecurity the spec's top-level {@code security}, used when the operation declares none
     * @throws IllegalArgumentException when a schema of the operation cannot be compiled
     */
    public static OperationValidator compile(Operation operation, SchemaRegistry registry,
                                             List<SecurityRequirement> globalSecurity) {
        return compile(operation, null, registry, globalSecurity);
    }

    /** As {@link #compile(Operation, SchemaRegistry, List)}, merging the path item's parameters first. */
    public static OperationValidator compile(Operation operation, List<Parameter> pathItemParameters,
                                             SchemaRegistry registry, List<SecurityRequirement> globalSecurity) {
        return compile(operation, pathItemParameters, registry, globalSecurity, FieldLimits.NONE);
    }

    /** As {@link #compile(Operation, SchemaRegistry, List)}, with the provider's limits on body fields too. */
    public static OperationValidator compile(Operation operation, List<Parameter> pathItemParameters,
                                             SchemaRegistry registry, List<SecurityRequirement> globalSecurity,
                                             FieldLimits fieldLimits) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(registry, "registry");
        RequestDecoder decoder = RequestDecoder.compile(operation, pathItemParameters, registry);
        SecurityCheck security = SecurityCheck.compile(operation.getSecurity(), globalSecurity,
                registry.securitySchemes());
        return new OperationValidator(decoder, security, Objects.requireNonNull(fieldLimits, "fieldLimits"));
    }

    /** For a single operation outside any cache (tests, tools): a registry of its own. */
    public static OperationValidator compile(Operation operation, Components components,
                                             List<SecurityRequirement> globalSecurity) {
        return compile(operation, SchemaRegistry.of(components), globalSecurity);
    }

    /**
     * Loads and initialises the schema conversion and validation libraries, which costs the first compilation
     * several hundred milliseconds on a cold JVM. Call once at startup, off the event loop, so that the first
     * request does not pay for it.
     */
    public static void warmUp() {
        Schema<?> schema = new ObjectSchema().addProperty("amount", new IntegerSchema()).addRequiredItem("amount");
        SchemaCheck check = SchemaCheck.compile(SchemaRegistry.of(null).bundle(schema), Violation.BODY,
                ParamNaming.brackets(null));
        check.check(JsonBodies.MAPPER.createObjectNode().put("amount", "1"), new ArrayList<>());
    }

    public RequestDecoder decoder() {
        return decoder;
    }

    public SecurityCheck security() {
        return security;
    }

    /** Types the request's parameters and body; never fails (problems are kept for {@link #validate}). */
    public DecodedRequest decode(TwinRequest request, Map<String, String> pathParams) {
        return decoder.decode(request, pathParams);
    }

    /**
     * Checks a decoded request. Missing credentials come first and alone (401 before 400, as real APIs answer);
     * otherwise every violation found, decoding problems first.
     */
    public ValidationResult validate(DecodedRequest decoded) {
        if (!security.isSatisfiedBy(decoded.request())) {
            return ValidationResult.unauthorized(security.missingCredential());
        }
        if (decoded.overLimit() != null) {
            return ValidationResult.invalid(List.of(decoded.overLimit()));
        }
        List<Violation> violations = new ArrayList<>(decoded.problems());
        for (ParameterCheck parameter : decoder.parameters()) {
            parameter.validate(valueOf(decoded, parameter), violations);
        }
        validateBody(decoded, violations);
        return ValidationResult.invalid(violations);
    }

    /** Decodes and validates in one step, for callers that do not need the decoded request. */
    public ValidationResult validate(TwinRequest request, Map<String, String> pathParams) {
        return validate(decode(request, pathParams));
    }

    private void validateBody(DecodedRequest decoded, List<Violation> violations) {
        if (decoded.bodyFormat() == BodyFormat.NONE) {
            if (decoder.bodyRequired() && decoded.problems().isEmpty()) {
                violations.add(new Violation(Violation.BODY, Violation.BODY, "Missing required request body."));
            }
            return;
        }
        if (decoded.body() == null) {
            return;
        }
        BodyCheck body = decoder.bodyCheck(decoded.mediaType(), decoded.request().body().length);
        if (body != null) {
            body.validate(decoded.body(), violations);
        }
        fieldLimits.check(decoded.body(), violations);
    }

    private static JsonNode valueOf(DecodedRequest decoded, ParameterCheck parameter) {
        return switch (parameter.location()) {
            case Violation.PATH -> decoded.pathParams().get(parameter.name());
            case Violation.HEADER -> decoded.headerParams().get(parameter.name());
            case Violation.COOKIE -> decoded.cookieParams().get(parameter.name());
            default -> decoded.queryParams().get(parameter.name());
        };
    }
}
