package dev.twin.replayer.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a search query. A query is one or more clauses separated by whitespace (meaning AND) or by the keywords
 * {@code AND} or {@code OR} (any case; one query uses one of them). A clause is an optional {@code -}, a field, an
 * operator and a value:
 * <ul>
 *   <li>field: a name ({@code email}), a dotted path ({@code payment_method_details.card.last4}), each part
 *   possibly followed by a quoted key in brackets ({@code metadata['order_id']}, {@code metadata["order_id"]});</li>
 *   <li>operator: {@code :} (equals), {@code ~} (contains), {@code >}, {@code >=}, {@code <}, {@code <=},
 *   {@code =};</li>
 *   <li>value: text in single or double quotes (a backslash escapes the next character), or a bare word up to the
 *   next space ({@code 1000}, {@code null}).</li>
 * </ul>
 * One pass over the text; at most {@link #MAX_CLAUSES} clauses and {@link #MAX_LENGTH} characters.
 */
public final class SearchQueryParser {
    public static final int MAX_CLAUSES = 10;
    public static final int MAX_LENGTH = 4096;
    /** Substring matches need a value of at least this many characters. */
    public static final int MIN_SUBSTRING = 3;

    private final String text;
    private int position;

    private SearchQueryParser(String text) {
        this.text = text;
    }

    /** @throws SearchSyntaxException naming what was expected where */
    public static SearchQuery parse(String query) throws SearchSyntaxException {
        if (query == null || query.isBlank()) {
            throw new SearchSyntaxException("the query is empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new SearchSyntaxException("the query is longer than " + MAX_LENGTH + " characters");
        }
        return new SearchQueryParser(query).query();
    }

    private SearchQuery query() throws SearchSyntaxException {
        List<SearchClause> clauses = new ArrayList<>();
        String joiner = null;
        skipSpaces();
        clauses.add(clause());
        while (true) {
            int before = position;
            skipSpaces();
            if (atEnd()) {
                break;
            }
            if (position == before) {
                throw error("expected a space, AND or OR after the clause ending at position " + position);
            }
            String keyword = keyword();
            if (keyword != null) {
                if (joiner != null && !joiner.equals(keyword)) {
                    throw error("AND and OR cannot be combined in one query (at position " + (position - keyword.length())
                            + ")");
                }
                joiner = keyword;
                int afterKeyword = position;
                skipSpaces();
                if (position == afterKeyword || atEnd()) {
                    throw error("expected a clause after " + keyword + " at position " + position);
                }
            } else if ("OR".equals(joiner)) {
                throw error("AND and OR cannot be combined in one query (clauses separated by a space are joined by "
                        + "AND; at position " + position + ")");
            } else {
                joiner = "AND";
            }
            clauses.add(clause());
            if (clauses.size() > MAX_CLAUSES) {
                throw error("a query has at most " + MAX_CLAUSES + " clauses");
            }
        }
        return new SearchQuery(clauses, "OR".equals(joiner));
    }

    /** {@code AND} or {@code OR} followed by a space, consumed; else null and nothing consumed. */
    private String keyword() {
        for (String keyword : List.of("AND", "OR")) {
            int end = position + keyword.length();
            if (end < text.length() && text.substring(position, end).toUpperCase(Locale.ROOT).equals(keyword)
                    && Character.isWhitespace(text.charAt(end))) {
                position = end;
                return keyword;
            }
        }
        return null;
    }

    private SearchClause clause() throws SearchSyntaxException {
        int start = position;
        boolean negated = false;
        if (peek() == '-') {
            negated = true;
            position++;
        }
        List<String> path = new ArrayList<>();
        int fieldStart = position;
        path.add(name());
        while (true) {
            if (peek() == '.') {
                position++;
                path.add(name());
            } else if (peek() == '[') {
                position++;
                char quote = peek();
                if (quote != '\'' && quote != '"') {
                    throw error("expected a quoted key after '[' at position " + position
                            + " (metadata['key'] or metadata[\"key\"])");
                }
                path.add(quoted());
                if (peek() != ']') {
                    throw error("expected ']' at position " + position);
                }
                position++;
            } else {
                break;
            }
        }
        String written = text.substring(fieldStart, position);
        SearchOperator operator = operator(written);
        SearchValue value = value();
        if (operator == SearchOperator.CONTAINS && value.text().length() < MIN_SUBSTRING) {
            throw error("a substring match (~) needs a value of at least " + MIN_SUBSTRING + " characters, got '"
                    + value.text() + "'");
        }
        if (operator.numeric() && value.number() == null) {
            throw error("'" + operator.symbol() + "' compares numbers, but the value '" + value.text()
                    + "' of the clause at position " + start + " is not a number");
        }
        return new SearchClause(path, written, operator, value, negated);
    }

    private String name() throws SearchSyntaxException {
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            position++;
        }
        if (position == start) {
            throw error(atEnd() ? "expected a field name at the end of the query"
                    : "expected a field name at position " + start + ", got '" + peek() + "'");
        }
        return text.substring(start, position);
    }

    private SearchOperator operator(String field) throws SearchSyntaxException {
        char first = peek();
        char second = position + 1 < text.length() ? text.charAt(position + 1) : 0;
        SearchOperator operator = switch (first) {
            case ':' -> SearchOperator.EQUALS;
            case '~' -> SearchOperator.CONTAINS;
            case '=' -> SearchOperator.NUMBER_EQUALS;
            case '>' -> second == '=' ? SearchOperator.GREATER_OR_EQUAL : SearchOperator.GREATER;
            case '<' -> second == '=' ? SearchOperator.LESS_OR_EQUAL : SearchOperator.LESS;
            default -> null;
        };
        if (operator == null) {
            throw error("expected an operator (:, ~, >, >=, <, <=, =) after '" + field + "' at position " + position);
        }
        position += operator.symbol().length();
        return operator;
    }

    private SearchValue value() throws SearchSyntaxException {
        if (atEnd() || Character.isWhitespace(peek())) {
            throw error("expected a value at position " + position);
        }
        if (peek() == '\'' || peek() == '"') {
            return new SearchValue(quoted(), true);
        }
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek())) {
            position++;
        }
        return new SearchValue(text.substring(start, position), false);
    }

    /** A quoted string at the current position (its quote included), unescaped. */
    private String quoted() throws SearchSyntaxException {
        int start = position;
        char quote = text.charAt(position++);
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(position++);
            if (c == '\\' && !atEnd()) {
                value.append(text.charAt(position++));
            } else if (c == quote) {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw error("the quoted value starting at position " + start + " is not closed");
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return atEnd() ? 0 : text.charAt(position);
    }

    private static SearchSyntaxException error(String reason) {
        return new SearchSyntaxException(reason);
    }
}
