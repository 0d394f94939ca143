package dev.twin.inference.path;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathTemplatesTest {
    private static List<String> templates(String... paths) {
        PathTrie trie = new PathTrie();
        for (String path : paths) {
            trie.add("GET", path);
        }
        return PathTemplates.infer(trie).templates().stream().map(PathTemplate::template).toList();
    }

    @Test
    void identifierShapesAreVariablesNamedAfterTheirParent() {
        assertEquals(List.of("/users/{user}"), templates("/users/42", "/users/7"));
        assertEquals(List.of("/things/{thing}"), templates("/things/3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        assertEquals(List.of("/orders/{order}"), templates("/orders/01ARZ3NDEKTSV4RRFFQ69G5FAV"));
        assertEquals(List.of("/blobs/{blob}"), templates("/blobs/9f86d081884c7d659a2feaa0c55ad015"));
        assertEquals(List.of("/v1/customers/{customer}"), templates("/v1/customers/cus_NffrFeUfNV2Hib"));
        assertEquals(List.of("/members/{member}"), templates("/members/ann@example.com"));
        assertEquals(List.of("/-/user/token/{token}"), templates("/-/user/token/MzBkZjczODBjZmJmZmQ2Y2FhMGJkMTVlZGJj"
                + "MzFhNGU6NGY2N2JmNDQzNTM4YTBhYTA1NmE2YWI5MDY5OGJkMGFmYQ=="));
    }

    @Test
    void wordsAndSlugsAreNoTokens() {
        assertEquals(List.of("/packages/corpus-hello-world-and-more-words"),
                templates("/packages/corpus-hello-world-and-more-words"));
        assertEquals(List.of("/docs/ThisIsALongCamelCaseTitleWithoutDigits"),
                templates("/docs/ThisIsALongCamelCaseTitleWithoutDigits"));
    }

    @Test
    void versionSegmentsAndALoneDateStayLiteral() {
        assertEquals(List.of("/2010-04-01/Accounts/{Sid}.json", "/v2/items"),
                templates("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef.json", "/v2/items"));
    }

    @Test
    void datesAmongOtherDatesAreVariables() {
        assertEquals(List.of("/reports/{report}"), templates("/reports/2024-01-01", "/reports/2024-01-02"));
    }

    @Test
    void literalSiblingsOfIdsStayLiteral() {
        assertEquals(List.of("/v1/customers/search", "/v1/customers/{customer}"),
                templates("/v1/customers/cus_NffrFeUfNV2Hib", "/v1/customers/cus_Og7sKq2LmZpA9x",
                        "/v1/customers/search"));
    }

    @Test
    void manyDistinctNonWordValuesAreAVariableByEvidence() {
        List<String> found = templates("/stubs/my-stub-1", "/stubs/other-2", "/stubs/x3");
        assertEquals(List.of("/stubs/{stub}"), found);
    }

    @Test
    void twoOddValuesAreNotEnoughEvidence() {
        assertEquals(List.of("/stubs/a-1", "/stubs/b-2"), templates("/stubs/a-1", "/stubs/b-2"));
    }

    @Test
    void twilioSidsKeepTheirSuffixAndCapitalisedParentsNameTheParameter() {
        assertEquals(List.of("/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"),
                templates("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/"
                        + "SM0123456789abcdef0123456789abcdef.json"));
    }

    @Test
    void nestedIdsGetDistinctNames() {
        assertEquals(List.of("/users/{user}/posts/{post}"), templates("/users/1/posts/2"));
        assertEquals(List.of("/a/{a}/{id}"), templates("/a/1/2"));
    }

    @Test
    void matchingGivesTheTemplateAndTheValues() {
        PathTrie trie = new PathTrie();
        trie.add("GET", "/v1/customers/cus_NffrFeUfNV2Hib");
        trie.add("GET", "/v1/customers/search");
        PathTemplates templates = PathTemplates.infer(trie);
        PathMatch match = templates.match("/v1/customers/cus_Og7sKq2LmZpA9x").orElseThrow();
        assertEquals("/v1/customers/{customer}", match.template().template());
        assertEquals(List.of("cus_Og7sKq2LmZpA9x"), match.values());
        assertEquals("/v1/customers/search", templates.match("/v1/customers/search").orElseThrow().template()
                .template());
    }

    /** The field each segment's value was held in by an answer, or null: what {@link EchoedSegments} finds. */
    private static List<String> echoes(String... fields) {
        return java.util.Arrays.asList(fields);
    }

    @Test
    void wordsTheAnswersHeldAsValuesAreVariablesOnceTwoSiblingsAre() {
        PathTrie trie = new PathTrie();
        trie.add("GET", "/api/vhosts/shop", 200, echoes(null, null, "name"));
        trie.add("GET", "/api/vhosts/staging", 200, echoes(null, null, "name"));
        trie.add("GET", "/api/vhosts/overview", 200, List.of());
        assertEquals(List.of("/api/vhosts/overview", "/api/vhosts/{vhost}"), templatesOf(trie));
    }

    @Test
    void aLoneWordTheAnswerHeldStaysLiteralUnlessTheClientCreatedItByName() {
        PathTrie lone = new PathTrie();
        lone.add("GET", "/v1/balance", 200, echoes(null, "kind"));
        assertEquals(List.of("/v1/balance"), templatesOf(lone));
        PathTrie created = new PathTrie();
        created.add("PUT", "/api/vhosts/shop", 201, List.of());
        created.add("GET", "/api/vhosts/shop", 200, echoes(null, null, "name"));
        created.add("GET", "/api/exchanges/shop", 200, echoes(null, null, "vhost"));
        assertEquals(List.of("/api/exchanges/{vhost}", "/api/vhosts/{vhost}"), templatesOf(created));
    }

    @Test
    void aSiblingNeverFoundJoinsTheNamesAsAValueThatDidNotExist() {
        PathTrie trie = new PathTrie();
        trie.add("GET", "/api/queues/orders", 200, echoes(null, null, "name"));
        trie.add("GET", "/api/queues/emails", 200, echoes(null, null, "name"));
        trie.add("GET", "/api/queues/nope", 404, List.of());
        trie.add("GET", "/api/queues/search", 200, List.of());
        assertEquals(List.of("/api/queues/search", "/api/queues/{queue}"), templatesOf(trie));
    }

    @Test
    void namesRightUnderTheRootStayLiteral() {
        PathTrie trie = new PathTrie();
        trie.add("GET", "/books", 200, echoes("db_name"));
        trie.add("GET", "/authors", 200, echoes("db_name"));
        assertEquals(List.of("/authors", "/books"), templatesOf(trie));
    }

    @Test
    void aVariableIsNamedForTheFieldThatHeldItWhenThatFieldSaysWhatItIs() {
        PathTrie trie = new PathTrie();
        trie.add("GET", "/api/queues/shop/orders", 200, echoes(null, null, "vhost", "name"));
        trie.add("GET", "/api/queues/dev/jobs", 200, echoes(null, null, "vhost", "name"));
        assertEquals(List.of("/api/queues/{vhost}/{queue}"), templatesOf(trie));
    }

    private static List<String> templatesOf(PathTrie trie) {
        return PathTemplates.infer(trie).templates().stream().map(PathTemplate::template).toList();
    }
}
