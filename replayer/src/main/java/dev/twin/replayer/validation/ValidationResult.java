package dev.twin.replayer.validation;

import java.util.List;

/**
 * What validating one request found. The server maps it to a response: {@code unauthorized} to 401, any other
 * violation to 400 (or the spec's documented 4xx); the error body's shape is the server's business.
 *
 * @param violations  every problem found, in a stable order; empty when the request is valid
 * @param unauthorized true when the operation is secured and the request carries no credential for any of the
 *                     accepted schemes (then {@code violations} holds that one problem only)
 */
public record ValidationResult(List<Violation> violations, boolean unauthorized) {
    private static final ValidationResult VALID = new ValidationResult(List.of(), false);

    public ValidationResult {
        violations = List.copyOf(violations);
    }

    public static ValidationResult valid() {
        return VALID;
    }

    public static ValidationResult invalid(List<Violation> violations) {
        return violations.isEmpty() ? VALID : new ValidationResult(violations, false);
    }

    public static ValidationResult unauthorized(Violation missingCredential) {
        return new ValidationResult(List.of(missingCredential), true);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The first violation (the one to report when only one fits), or null when valid. */
    public Violation first() {
        return violations.isEmpty() ? null : violations.get(0);
    }
}
