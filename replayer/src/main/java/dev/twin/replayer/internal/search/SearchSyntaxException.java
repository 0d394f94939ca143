package dev.twin.replayer.internal.search;

/** A query that does not parse: {@link #reason()} says what was expected where, for the message the client gets. */
public final class SearchSyntaxException extends Exception {
    private final String reason;

    SearchSyntaxException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
