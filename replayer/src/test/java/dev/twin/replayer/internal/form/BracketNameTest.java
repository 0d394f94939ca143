package dev.twin.replayer.internal.form;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How deeply a bracket name nests, counted without splitting it: the number of its segments. */
class BracketNameTest {
    @Test
    void depthCountsTheRootAndEachBracketPair() {
        assertEquals(1, BracketName.depth("email"));
        assertEquals(2, BracketName.depth("metadata[order]"));
        assertEquals(3, BracketName.depth("items[0][price]"));
        assertEquals(2, BracketName.depth("expand[]"));
        assertEquals(1001, BracketName.depth("a" + "[a]".repeat(1000)));
    }

    @Test
    void aNameThatIsNotBracketSyntaxIsOneLevelAsItIsOneLiteralName() {
        for (String literal : new String[] {"a[b", "a[b]c", "[a]", "a[b]x[c]"}) {
            assertEquals(BracketName.segments(literal).size(), BracketName.depth(literal), literal);
            assertEquals(1, BracketName.depth(literal), literal);
        }
    }

    @Test
    void parsingStopsAfterTheRequestedNumberOfPairs() {
        assertEquals(2, UrlEncoded.parse("a=1&b=2&c=3&d=4", 2).size());
        assertEquals(4, UrlEncoded.parse("a=1&b=2&c=3&d=4").size());
    }
}
