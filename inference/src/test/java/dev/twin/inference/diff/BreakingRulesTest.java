package dev.twin.inference.diff;

import dev.twin.inference.diff.BreakingRules.Side;
import dev.twin.inference.diff.Change.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.twin.inference.diff.Change.Severity.BREAKING;
import static dev.twin.inference.diff.Change.Severity.NON_BREAKING;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakingRulesTest {
    private static final FieldShape OPTIONAL_STRING = field(false, "string");
    private static final FieldShape REQUIRED_STRING = field(true, "string");

    @Test
    void givenARequestField_thenOnlyWhatRejectsAnOldRequestBreaks() {
        assertEquals(BREAKING, rule(ChangeKind.FIELD_ADDED, Side.REQUEST, null, REQUIRED_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.FIELD_ADDED, Side.REQUEST, null, OPTIONAL_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.FIELD_REMOVED, Side.REQUEST, OPTIONAL_STRING, null));
        assertEquals(BREAKING, rule(ChangeKind.REQUIRED_CHANGED, Side.REQUEST, OPTIONAL_STRING, REQUIRED_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.REQUIRED_CHANGED, Side.REQUEST, REQUIRED_STRING, OPTIONAL_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.FIELD_RETYPED, Side.REQUEST, field(false, "integer"),
                field(false, "number")));
        assertEquals(BREAKING, rule(ChangeKind.FIELD_RETYPED, Side.REQUEST, field(false, "number"),
                field(false, "integer")));
        assertEquals(BREAKING, rule(ChangeKind.ENUM_VALUE_REMOVED, Side.REQUEST, OPTIONAL_STRING, OPTIONAL_STRING));
        assertEquals(BREAKING, rule(ChangeKind.ENUM_ADDED, Side.REQUEST, OPTIONAL_STRING, OPTIONAL_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.ENUM_REMOVED, Side.REQUEST, OPTIONAL_STRING, OPTIONAL_STRING));
    }

    @Test
    void givenAResponseField_thenOnlyWhatAnOldClientDoesNotExpectBreaks() {
        assertEquals(NON_BREAKING, rule(ChangeKind.FIELD_ADDED, Side.RESPONSE, null, REQUIRED_STRING));
        assertEquals(BREAKING, rule(ChangeKind.FIELD_REMOVED, Side.RESPONSE, OPTIONAL_STRING, null));
        assertEquals(BREAKING, rule(ChangeKind.REQUIRED_CHANGED, Side.RESPONSE, REQUIRED_STRING, OPTIONAL_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.REQUIRED_CHANGED, Side.RESPONSE, OPTIONAL_STRING,
                REQUIRED_STRING));
        assertEquals(BREAKING, rule(ChangeKind.FIELD_RETYPED, Side.RESPONSE, field(true, "string"),
                field(true, "string", "null")));
        assertEquals(NON_BREAKING, rule(ChangeKind.FIELD_RETYPED, Side.RESPONSE, field(true, "number"),
                field(true, "integer")));
        assertEquals(BREAKING, rule(ChangeKind.FIELD_RETYPED, Side.RESPONSE, field(true, "string(date-time)"),
                field(true, "string(date)")));
        assertEquals(BREAKING, rule(ChangeKind.ENUM_VALUE_ADDED, Side.RESPONSE, OPTIONAL_STRING, OPTIONAL_STRING));
        assertEquals(NON_BREAKING, rule(ChangeKind.ENUM_VALUE_REMOVED, Side.RESPONSE, OPTIONAL_STRING,
                OPTIONAL_STRING));
        assertEquals(BREAKING, rule(ChangeKind.ENUM_REMOVED, Side.RESPONSE, OPTIONAL_STRING, OPTIONAL_STRING));
    }

    @Test
    void givenOperationsStatusesAndErrorCodes_thenRemovalsBreakAndAdditionsDoNot() {
        assertEquals(BREAKING, rule(ChangeKind.OPERATION_REMOVED, null, null, null));
        assertEquals(NON_BREAKING, rule(ChangeKind.OPERATION_ADDED, null, null, null));
        assertEquals(BREAKING, rule(ChangeKind.STATUS_REMOVED, Side.RESPONSE, null, null));
        assertEquals(BREAKING, rule(ChangeKind.STATUS_CHANGED, Side.RESPONSE, null, null));
        assertEquals(NON_BREAKING, rule(ChangeKind.STATUS_ADDED, Side.RESPONSE, null, null));
        assertEquals(BREAKING, rule(ChangeKind.ERROR_CODE_REMOVED, Side.RESPONSE, null, null));
        assertEquals(NON_BREAKING, rule(ChangeKind.ERROR_CODE_ADDED, Side.RESPONSE, null, null));
    }

    private static Severity rule(ChangeKind kind, Side side, FieldShape before, FieldShape after) {
        return BreakingRules.severity(kind, side, before, after);
    }

    private static FieldShape field(boolean required, String... types) {
        return new FieldShape(Set.of(types), required, List.of(), false);
    }
}
