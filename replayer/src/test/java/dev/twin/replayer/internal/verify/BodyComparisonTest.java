package dev.twin.replayer.internal.verify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BodyComparisonTest {
    private final IdMap ids = new IdMap();

    private Facets compare(String recorded, String twin) {
        Facets facets = new Facets();
        new BodyComparison(ids).compare(recorded.getBytes(StandardCharsets.UTF_8), twin.getBytes(StandardCharsets.UTF_8),
                facets);
        return facets;
    }

    private static List<String> described(Facets facets) {
        return facets.divergences().stream().map(Divergence::describe).toList();
    }

    @Test
    void givenEqualJson_whenCompared_thenEveryLeafIsAnEqualFacet() {
        Facets facets = compare("{\"object\":\"customer\",\"n\":1,\"tags\":[\"a\",\"b\"],\"meta\":{}}",
                "{\"n\":1.0,\"object\":\"customer\",\"tags\":[\"a\",\"b\"],\"meta\":{}}");

        assertEquals(List.of(), described(facets));
        assertEquals(5, facets.compared());
        assertEquals(5, facets.equalCount());
    }

    @Test
    void givenMissingExtraRetypedAndChangedFields_whenCompared_thenEachIsOneDivergenceWithItsPath() {
        Facets facets = compare("{\"object\":\"customer\",\"email\":\"a@example.com\",\"balance\":0,\"data\":[1,2]}",
                "{\"object\":\"customers\",\"balance\":\"0\",\"data\":[1],\"livemode\":false}");

        assertEquals(List.of(
                "body $.object value changed: recorded \"customer\", twin \"customers\"",
                "body $.email missing field: recorded \"a@example.com\"",
                "body $.balance type changed: recorded number 0, twin string \"0\"",
                "body $.data[1] missing field: recorded 2",
                "body $.livemode extra field: twin false"), described(facets));
        assertEquals(6, facets.compared());
        assertEquals(1, facets.equalCount());
    }

    @Test
    void givenASecretRecordedAsItsFingerprint_whenTheTwinAnswersOne_thenItCountsAsThereButAMissingOneDoesNot() {
        Facets present = compare("{\"client_secret\":\"redacted:sha256:0123456789ab\"}",
                "{\"client_secret\":\"pi_1_secret_abc\"}");
        Facets missing = compare("{\"client_secret\":\"redacted:sha256:0123456789ab\"}", "{\"client_secret\":null}");

        assertEquals(List.of(), described(present));
        assertEquals(1, missing.divergences().size(), described(missing).toString());
    }

    @Test
    void givenARandomIdThatReadsLikeWordsOnOneSide_whenTheOtherIsARandomIdOfItsShape_thenBothAreMintedIds() {
        Facets recordedWordlike = compare("{\"product\":\"prod_OjwpxNqmrsZtaa\"}",
                "{\"product\":\"prod_P8dUq1mZx0bWk3\"}");
        Facets twinWordlike = compare("{\"product\":\"prod_Q8dUq1mZx0bWk3\"}", "{\"product\":\"prod_OjwpxNqmrsZtab\"}");
        Facets anotherLength = compare("{\"product\":\"prod_OjwpxNqmrsZtaa\"}", "{\"product\":\"prod_P8dUq1mZx0bWk\"}");

        assertEquals(List.of(), described(recordedWordlike));
        assertEquals(List.of(), described(twinWordlike));
        assertEquals(1, anotherLength.divergences().size(), described(anotherLength).toString());
    }

    @Test
    void givenAMintedIdOfTheSameShape_whenCompared_thenItIsEqualAndMappedForLaterAnswers() {
        Facets created = compare("{\"id\":\"cus_NffrFeUfNV2Hib\",\"created\":1700000000}",
                "{\"id\":\"cus_Twin0000000001\",\"created\":1790000000}");
        Facets listed = compare("{\"url\":\"/v1/customers/cus_NffrFeUfNV2Hib\"}",
                "{\"url\":\"/v1/customers/cus_Twin0000000001\"}");

        assertEquals(List.of(), described(created));
        assertEquals(List.of(), described(listed));
        assertEquals("cus_Twin0000000001", ids.twinValue("cus_NffrFeUfNV2Hib"));
    }

    @Test
    void givenAMappedIdAnsweredAsAnotherId_whenCompared_thenItIsAValueChangeNamingTheMapping() {
        compare("{\"id\":\"cus_NffrFeUfNV2Hib\"}", "{\"id\":\"cus_Twin0000000001\"}");

        Facets later = compare("{\"id\":\"cus_NffrFeUfNV2Hib\"}", "{\"id\":\"cus_Twin0000000002\"}");

        assertEquals(List.of("body $.id value changed: recorded \"cus_NffrFeUfNV2Hib\" (cus_Twin0000000001 in the twin), "
                + "twin \"cus_Twin0000000002\""), described(later));
    }

    @Test
    void givenAnIdOfAnotherShape_whenCompared_thenItIsAShapeChangeAndNotMapped() {
        Facets facets = compare("{\"id\":\"cus_NffrFeUfNV2Hib\"}", "{\"id\":\"cux_NffrFeUfNV2Hib\"}");

        assertEquals(List.of("body $.id id shape changed: recorded \"cus_NffrFeUfNV2Hib\", twin \"cux_NffrFeUfNV2Hib\""),
                described(facets));
        assertEquals(0, ids.size());
    }

    @Test
    void givenNonJsonBodies_whenCompared_thenTheyAreOneFacetEqualOrNot() {
        assertEquals(List.of(), described(compare("hello", "hello")));
        assertEquals(List.of("body differs: recorded 5 bytes \"hello\", twin 3 bytes \"bye\""),
                described(compare("hello", "bye")));
        assertEquals(List.of("body differs: recorded JSON, twin an empty body"), described(compare("{\"a\":1}", "")));
    }

    @Test
    void givenAnAwkwardKey_whenItDiverges_thenThePathQuotesIt() {
        assertEquals(List.of("body $.meta['x-count'] value changed: recorded 1, twin 2"),
                described(compare("{\"meta\":{\"x-count\":1}}", "{\"meta\":{\"x-count\":2}}")));
    }

    @Test
    void givenNumericIdsUnderIdKeys_whenCompared_thenTheyAreMappedWhileOtherNumbersMustBeEqual() {
        Facets created = compare("{\"id\":10,\"ownerId\":7,\"count\":10,\"valid\":3}",
                "{\"id\":1,\"ownerId\":2,\"count\":1,\"valid\":4}");

        assertEquals(List.of("body $.count value changed: recorded 10, twin 1",
                "body $.valid value changed: recorded 3, twin 4"), described(created));
        assertEquals("1", ids.twinNumber("10"));
        assertEquals(List.of("body $.pet_ids[0] value changed: recorded 10 (1 in the twin), twin 2"),
                described(compare("{\"pet_ids\":[10]}", "{\"pet_ids\":[2]}")));
    }
}
