package dev.twin.replayer.internal.convention;

import dev.twin.replayer.internal.http.ErrorKind;
import dev.twin.replayer.internal.http.TwinError;
import dev.twin.replayer.internal.state.StateException;

/** An integer paging parameter ({@code Page}, {@code _limit}, {@code $skip}) read from the query, or refused. */
final class QueryInteger {
    private QueryInteger() {
    }

    /**
     * @param min {@link Integer#MIN_VALUE} when any integer will do (the message then names no range)
     * @throws StateException VALIDATION_ERROR naming the parameter when it is no integer in range
     */
    static int parse(String raw, String param, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StateException(new TwinError(ErrorKind.VALIDATION_ERROR, "Invalid " + param + ": '" + raw
                + "' is not an integer" + (min == Integer.MIN_VALUE ? "" : " between " + min + " and " + max),
                param));
    }
}
