package dev.twin.inference.diff;

import java.util.Locale;

/** What changed. Parameters and body fields share the FIELD_ kinds; the location tells which. */
public enum ChangeKind {
    OPERATION_ADDED,
    OPERATION_REMOVED,
    FIELD_ADDED,
    FIELD_REMOVED,
    FIELD_RETYPED,
    /** oldValue and newValue are "required" / "optional". */
    REQUIRED_CHANGED,
    ENUM_VALUE_ADDED,
    ENUM_VALUE_REMOVED,
    /** A free value became an enum (newValue lists the values). */
    ENUM_ADDED,
    /** An enum became a free value (oldValue lists the values it had). */
    ENUM_REMOVED,
    STATUS_ADDED,
    STATUS_REMOVED,
    /** The one success status became another one (201 → 200). */
    STATUS_CHANGED,
    ERROR_CODE_ADDED,
    ERROR_CODE_REMOVED;

    /** "field-removed": the spelling of the JSON report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
