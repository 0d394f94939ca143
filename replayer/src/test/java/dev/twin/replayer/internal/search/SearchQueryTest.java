package dev.twin.replayer.internal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search query language: what parses, what it means on a row, and what is refused with which reason. */
class SearchQueryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode JENNY = json("""
            {"id": "cus_1", "email": "Jenny@Example.com", "name": "Jenny Rosen", "created": 1700000000,
             "balance": 0, "phone": null, "metadata": {"plan": "pro", "order id": "7"},
             "payment_method_details": {"card": {"last4": "4242"}}, "tags": ["a", "b"]}""");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String query) throws SearchSyntaxException {
        return SearchQueryParser.parse(query).matches(JENNY);
    }

    private static String reason(String query) {
        return assertThrows(SearchSyntaxException.class, () -> SearchQueryParser.parse(query)).reason();
    }

    @Test
    void anExactMatchIgnoresCaseInEitherQuote() throws Exception {
        assertTrue(matches("email:'jenny@example.com'"));
        assertTrue(matches("email:\"JENNY@example.com\""));
        assertFalse(matches("email:'jenny@example.org'"));
    }

    @Test
    void metadataKeysAreReadInBrackets() throws Exception {
        assertTrue(matches("metadata['plan']:'pro'"));
        assertTrue(matches("metadata[\"order id\"]:'7'"));
        assertFalse(matches("metadata['plan']:'free'"));
        assertFalse(matches("metadata['missing']:'pro'"));
    }

    @Test
    void aDashNegatesAClause() throws Exception {
        assertTrue(matches("-email:'amy@example.com'"));
        assertFalse(matches("-metadata['plan']:'pro'"));
    }

    @Test
    void numbersCompare() throws Exception {
        assertTrue(matches("created>1699999999"));
        assertTrue(matches("created>=1700000000"));
        assertFalse(matches("created<1700000000"));
        assertTrue(matches("created<=1700000000 AND balance=0"));
        assertTrue(matches("balance:0"));
    }

    @Test
    void clausesJoinByAndOrByOr() throws Exception {
        assertTrue(matches("name:'jenny rosen' email:'jenny@example.com'"), "a space is AND");
        assertFalse(matches("name:'jenny rosen' AND email:'nobody@example.com'"));
        assertTrue(matches("name:'nobody' or email:'jenny@example.com'"), "keywords in any case");
        assertFalse(matches("name:'nobody' OR email:'nobody@example.com'"));
    }

    @Test
    void substringsNullsNestedFieldsAndLists() throws Exception {
        assertTrue(matches("name~'rose'"));
        assertTrue(matches("phone:null"));
        assertTrue(matches("-email:null"));
        assertTrue(matches("payment_method_details.card.last4:'4242'"));
        assertTrue(matches("tags:'b'"));
    }

    @Test
    void mixingAndWithOrIsRefused() {
        assertEquals("AND and OR cannot be combined in one query (at position 23)",
                reason("email:'a' AND name:'b' OR phone:'c'"));
        assertTrue(reason("email:'a' OR name:'b' phone:'c'").startsWith("AND and OR cannot be combined"));
    }

    @Test
    void malformedQueriesNameWhatWasExpectedWhere() {
        assertEquals("expected an operator (:, ~, >, >=, <, <=, =) after 'email' at position 5", reason("email"));
        assertEquals("the quoted value starting at position 6 is not closed", reason("email:'jenny"));
        assertEquals("expected a value at position 6", reason("email: 'x'"));
        assertEquals("expected a clause after AND at position 14", reason("email:'a' AND "));
        assertEquals("expected a quoted key after '[' at position 9 (metadata['key'] or metadata[\"key\"])",
                reason("metadata[plan]:'pro'"));
        assertEquals("a substring match (~) needs a value of at least 3 characters, got 'je'", reason("name~'je'"));
        assertEquals("'>' compares numbers, but the value 'soon' of the clause at position 0 is not a number",
                reason("created>soon"));
        assertEquals("the query is empty", reason("  "));
        assertEquals("a query has at most 10 clauses", reason("a:1 ".repeat(11)));
    }

    @Test
    void onlyListedFieldsMayBeSearched() throws Exception {
        List<String> allowed = List.of("email", "metadata", "payment_method_details.card.last4");
        assertNull(SearchQueryParser.parse("email:'a' metadata['x']:'y' payment_method_details.card.last4:'1'")
                .firstFieldOutside(allowed));
        assertEquals("name", SearchQueryParser.parse("email:'a' name:'b'").firstFieldOutside(allowed));
        assertEquals("payment_method_details.card.brand",
                SearchQueryParser.parse("payment_method_details.card.brand:'visa'").firstFieldOutside(allowed));
    }
}
