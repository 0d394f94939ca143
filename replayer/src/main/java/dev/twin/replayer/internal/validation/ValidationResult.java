package dev.twin.replayer.internal.validation;

import java.util.List;
import java.util.Objects;

/**
 * What validating one request found. The server maps it to a response by its {@link Kind}: the operation's
 * documented error response when there is one, else a problem of its own; the error body's shape is the
 * server's business.
 *
 * @param violations every problem found, in a stable order; empty when the request is valid
 * @param kind       what the request lacks: credentials, a media type the operation accepts, or valid values
 */
public record ValidationResult(List<Violation> violations, Kind kind) {
    private static final ValidationResult VALID = new ValidationResult(List.of(), Kind.VALID);

    /** Why a request is refused, in the order checks come: credentials, then media type, then values. */
    public enum Kind {
        VALID,
        /** The operation is secured and the request carries no credential for any accepted scheme (401). */
        UNAUTHORIZED,
        /** The body's media type is not one the operation accepts (415). */
        UNSUPPORTED_MEDIA_TYPE,
        /** Parameters or body do not fit the spec (422, or the operation's documented 400). */
        INVALID
    }

    public ValidationResult {
        violations = List.copyOf(violations);
        Objects.requireNonNull(kind, "kind");
    }

    public static ValidationResult valid() {
        return VALID;
    }

    /** Invalid values, or an unsupported media type when one of the violations says so. */
    public static ValidationResult invalid(List<Violation> violations) {
        if (violations.isEmpty()) {
            return VALID;
        }
        for (Violation violation : violations) {
            if (violation.isUnsupportedMediaType()) {
                return new ValidationResult(List.of(violation), Kind.UNSUPPORTED_MEDIA_TYPE);
            }
        }
        return new ValidationResult(violations, Kind.INVALID);
    }

    public static ValidationResult unauthorized(Violation missingCredential) {
        return new ValidationResult(List.of(missingCredential), Kind.UNAUTHORIZED);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** True when the operation is secured and the request carries no credential (then the only violation). */
    public boolean unauthorized() {
        return kind == Kind.UNAUTHORIZED;
    }

    /** The first violation (the one to report when only one fits), or null when valid. */
    public Violation first() {
        return violations.isEmpty() ? null : violations.get(0);
    }
}
