package dev.twin.inference.diff;

/**
 * One difference between the old and the new spec.
 *
 * @param operation "METHOD /path/{template}" as the new spec spells it (the old one for a removed operation)
 * @param location  where in the operation: "request body: email", "query: limit", "200 response: data[].email",
 *                  "responses" for status codes; empty for the operation itself
 * @param oldValue  what the old spec said (a type, an enum value, "required" …); null when the thing is new
 * @param newValue  what the new spec says; null when the thing is gone
 */
public record Change(ChangeKind kind, Severity severity, String operation, String location, String oldValue,
                     String newValue) {

    public enum Severity { BREAKING, NON_BREAKING }

    public boolean breaking() {
        return severity == Severity.BREAKING;
    }

    /** The line of the text report, without the operation: "200 response: email removed (was string)". */
    public String describe() {
        String at = location.isEmpty() ? "" : location + " ";
        return switch (kind) {
            case OPERATION_ADDED -> "operation added";
            case OPERATION_REMOVED -> "operation removed";
            case FIELD_ADDED -> at + "added (" + newValue + ")";
            case FIELD_REMOVED -> at + "removed (was " + oldValue + ")";
            case FIELD_RETYPED -> at + "retyped: " + oldValue + " → " + newValue;
            case REQUIRED_CHANGED -> at + "now " + newValue + " (was " + oldValue + ")";
            case ENUM_VALUE_ADDED -> at + "enum value added: " + newValue;
            case ENUM_VALUE_REMOVED -> at + "enum value removed: " + oldValue;
            case ENUM_ADDED -> at + "now limited to the values " + newValue;
            case ENUM_REMOVED -> at + "no longer limited to the values " + oldValue;
            case STATUS_ADDED -> "response status " + newValue + " added";
            case STATUS_REMOVED -> "response status " + oldValue + " removed";
            case STATUS_CHANGED -> "response status changed: " + oldValue + " → " + newValue;
            case ERROR_CODE_ADDED -> at + "gained error code " + newValue;
            case ERROR_CODE_REMOVED -> at + "lost error code " + oldValue;
        };
    }
}
