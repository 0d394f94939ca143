package dev.twin.replayer.internal.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A parsed search query: its clauses, joined all by AND or all by OR (the language has no parentheses, and does not
 * mix the two).
 */
public record SearchQuery(List<SearchClause> clauses, boolean anyOf) {
    public SearchQuery {
        clauses = List.copyOf(clauses);
    }

    /**
     * The first field a clause names that {@code allowed} does not list, as written, or null when every one is
     * allowed. A listed name allows the fields below it ({@code metadata} allows {@code metadata['order']}); a listed
     * dotted path allows itself ({@code payment_method_details.card.last4}).
     */
    public String firstFieldOutside(java.util.Collection<String> allowed) {
        for (SearchClause clause : clauses) {
            boolean listed = false;
            StringBuilder prefix = new StringBuilder();
            for (String segment : clause.path()) {
                prefix.append(prefix.length() == 0 ? "" : ".").append(segment);
                if (allowed.contains(prefix.toString())) {
                    listed = true;
                    break;
                }
            }
            if (!listed) {
                return clause.written();
            }
        }
        return null;
    }

    /** Whether the row (as the API shows it) matches the query. */
    public boolean matches(JsonNode row) {
        for (SearchClause clause : clauses) {
            if (clause.matches(row) == anyOf) {
                return anyOf;
            }
        }
        return !anyOf;
    }
}
