package dev.twin.replayer.internal.search;

/** How a clause compares a field with its value. */
public enum SearchOperator {
    /** {@code field:value}: equal (text ignoring case; numbers as numbers); {@code field:null} has no value. */
    EQUALS(":"),
    /** {@code field~value}: the field's text contains the value, ignoring case. */
    CONTAINS("~"),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    /** {@code field=value}: numerically equal. */
    NUMBER_EQUALS("=");

    private final String symbol;

    SearchOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the operator compares numbers. */
    public boolean numeric() {
        return this != EQUALS && this != CONTAINS;
    }
}
