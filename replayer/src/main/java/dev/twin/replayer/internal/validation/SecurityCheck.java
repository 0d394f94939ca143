package dev.twin.replayer.internal.validation;

import dev.twin.replayer.internal.http.TwinRequest;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a request carries a credential for at least one of the security alternatives an operation accepts.
 * Only presence is checked, never the value: http (basic, bearer, ...) and OAuth schemes need an
 * {@code Authorization} header, API keys their header, query parameter or cookie.
 */
public final class SecurityCheck {
    /** An operation anyone may call. */
    public static final SecurityCheck NONE = new SecurityCheck(List.of());

    private final List<List<Credential>> alternatives;

    /** Where one credential is looked for. */
    private record Credential(String location, String name, String description) {
        boolean presentIn(TwinRequest request) {
            return switch (location) {
                case Violation.HEADER -> {
                    String value = request.header(name);
                    yield value != null && !value.isBlank();
                }
                case Violation.QUERY -> request.query().containsKey(name);
                case Violation.COOKIE -> RequestView.parseCookies(request.headers().get("cookie")).containsKey(name);
                default -> true;
            };
        }
    }

    private SecurityCheck(List<List<Credential>> alternatives) {
        this.alternatives = alternatives;
    }

    /**
     * Compiles the requirements of an operation: {@code operationSecurity} when the operation declares it (an
     * empty list means "no security"), else the spec's {@code globalSecurity}. A requirement naming a scheme the
     * spec does not define cannot be checked and is treated as met.
     */
    public static SecurityCheck compile(List<SecurityRequirement> operationSecurity,
                                        List<SecurityRequirement> globalSecurity,
                                        Map<String, SecurityScheme> schemes) {
        List<SecurityRequirement> requirements = operationSecurity != null ? operationSecurity : globalSecurity;
        if (requirements == null || requirements.isEmpty()) {
            return NONE;
        }
        List<List<Credential>> alternatives = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            List<Credential> all = new ArrayList<>();
            for (String schemeName : requirement.keySet()) {
                Credential credential = credential(schemes.get(schemeName));
                if (credential != null) {
                    all.add(credential);
                }
            }
            if (all.isEmpty()) {
                return NONE; // an alternative needing nothing: anonymous calls are allowed
            }
            alternatives.add(List.copyOf(all));
        }
        return new SecurityCheck(List.copyOf(alternatives));
    }

    public boolean required() {
        return !alternatives.isEmpty();
    }

    public boolean isSatisfiedBy(TwinRequest request) {
        if (alternatives.isEmpty()) {
            return true;
        }
        for (List<Credential> alternative : alternatives) {
            boolean all = true;
            for (Credential credential : alternative) {
                if (!credential.presentIn(request)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The violation for a request without credentials, naming what the first alternative expects. */
    public Violation missingCredential() {
        Credential first = alternatives.isEmpty() ? new Credential(Violation.HEADER, "Authorization", "")
                : alternatives.get(0).get(0);
        List<String> accepted = new ArrayList<>();
        alternatives.forEach(alternative -> alternative.forEach(c -> {
            if (!accepted.contains(c.description())) {
                accepted.add(c.description());
            }
        }));
        return new Violation(first.name(), first.location(),
                "Missing credentials: send " + String.join(" or ", accepted) + ".");
    }

    private static Credential credential(SecurityScheme scheme) {
        if (scheme == null || scheme.getType() == null) {
            return null;
        }
        return switch (scheme.getType()) {
            case HTTP -> new Credential(Violation.HEADER, "Authorization", "an Authorization header ("
                    + (scheme.getScheme() == null ? "http" : scheme.getScheme().toLowerCase(Locale.ROOT)) + ")");
            case OAUTH2, OPENIDCONNECT -> new Credential(Violation.HEADER, "Authorization",
                    "an Authorization header (bearer)");
            case APIKEY -> apiKey(scheme);
            default -> null; // mutual TLS is not visible in a request
        };
    }

    private static Credential apiKey(SecurityScheme scheme) {
        if (scheme.getName() == null || scheme.getIn() == null) {
            return null;
        }
        return switch (scheme.getIn()) {
            case HEADER -> new Credential(Violation.HEADER, scheme.getName(), "the " + scheme.getName() + " header");
            case QUERY -> new Credential(Violation.QUERY, scheme.getName(),
                    "the " + scheme.getName() + " query parameter");
            case COOKIE -> new Credential(Violation.COOKIE, scheme.getName(), "the " + scheme.getName() + " cookie");
        };
    }
}
