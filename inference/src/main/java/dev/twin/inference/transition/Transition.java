package dev.twin.inference.transition;

import dev.twin.inference.operation.OperationStats;

import java.util.List;
import java.util.Map;

/**
 * An inferred custom operation: read the row named by the path, check the precondition, set the fields, answer
 * the row.
 *
 * @param name         the custom operation's name ({@code ConfirmPaymentIntent})
 * @param op           the action endpoint it is bound to
 * @param table        the table of the row
 * @param idParam      the path parameter naming the row
 * @param idField      the row's id field
 * @param precondition a JEXL check on {@code row}, or null
 * @param failure      the error the precondition answers with, or null
 * @param sets         field → JEXL expression over {@code row} (before), {@code input} and {@code request}
 * @param evidence     one sentence per decision, for the report
 * @param unexplained  fields that changed in a way no rule explains (left for a human)
 * @param answersRow   the operation answers the row after it; false: it answers no body (a soft delete answered
 *                     200 or 204 with nothing)
 */
public record Transition(String name, OperationStats op, String table, String idParam, String idField,
                         String precondition,
                         Failure failure, Map<String, String> sets, List<String> evidence,
                         List<String> unexplained, boolean answersRow) {

    /** The error a failed precondition answers: kind, code (or null), message as a JEXL expression. */
    public record Failure(String kind, String code, String message) {
    }
}
