package dev.twin.inference.diff;

import dev.twin.inference.diff.Change.Severity;

/**
 * Whether a change breaks a client written against the old spec. One principle: a change is breaking when the new
 * API may reject a request the old one accepted, or may answer something the old client does not expect (or stop
 * answering something it relies on). Hence:
 * <ul>
 *   <li>operation removed, response status removed or changed (201 → 200): breaking; added: not;</li>
 *   <li>request field or parameter: added as required, newly required, retyped to accept fewer types, enum value
 *       removed, turned into an enum — breaking; added as optional, removed (the server ignores it), made optional,
 *       widened, enum value added, enum lifted — not;</li>
 *   <li>response field: removed, made optional, retyped to a type the old client does not know (integer → string,
 *       a format changed, null now possible), enum value added, enum lifted — breaking; added, made required,
 *       narrowed, enum value removed — not;</li>
 *   <li>error code (the code/type values of a 4xx/5xx body): removed — breaking, a client branching on it no longer
 *       matches; added — not, clients treat an unknown code by its status.</li>
 * </ul>
 */
final class BreakingRules {
    enum Side { REQUEST, RESPONSE }

    private BreakingRules() {
    }

    /** @param before the old field (null when added); @param after the new field (null when removed) */
    static Severity severity(ChangeKind kind, Side side, FieldShape before, FieldShape after) {
        boolean request = side == Side.REQUEST;
        boolean breaking = switch (kind) {
            case OPERATION_ADDED, STATUS_ADDED, ERROR_CODE_ADDED -> false;
            case OPERATION_REMOVED, STATUS_REMOVED, STATUS_CHANGED, ERROR_CODE_REMOVED -> true;
            case FIELD_ADDED -> request && after.required();
            case FIELD_REMOVED -> !request;
            case FIELD_RETYPED -> request ? !covers(after, before) : !covers(before, after);
            case REQUIRED_CHANGED -> request == after.required();
            case ENUM_VALUE_ADDED, ENUM_REMOVED -> !request;
            case ENUM_VALUE_REMOVED, ENUM_ADDED -> request;
        };
        return breaking ? Severity.BREAKING : Severity.NON_BREAKING;
    }

    /** Whether every type {@code inner} allows is allowed by {@code outer}. */
    private static boolean covers(FieldShape outer, FieldShape inner) {
        if (outer.types().isEmpty()) {
            return true;
        }
        if (inner.types().isEmpty()) {
            return false;
        }
        return inner.types().stream().allMatch(outer::accepts);
    }
}
