package dev.twin.replayer.internal.state;

/**
 * An indexed field of one table as a transaction sees it: how many listed rows have it, and the listed rows with
 * one value in it in list order, each call O(log n). Valid only inside the transaction that handed it out.
 */
public interface IndexedField {
    /** Listed rows that have the field, whatever its value (0: a filter on it filters nothing). */
    int rowsWithField();

    /**
     * The listed rows whose field has {@code value} (its text, {@code ""} for null), oldest first; a row whose field
     * holds an object or an array is in none.
     */
    RowOrder rowsWith(String value);
}
