package dev.twin.corpus;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TranscriptComparisonTest {

    @Test
    void givenTheTwinMintedAnotherSequenceId_whenCompared_thenItIsMappedInLaterBodiesPathsAndHeaders() {
        Transcript recorded = new Flow()
                .step("create", "POST", "/posts", 201, Map.of("location", "{base}/posts/4"), "{\"id\":4}", "{}")
                .step("read", "GET", "/posts/4", 200, Map.of(), "{\"id\":4,\"title\":\"a\"}", null).done();
        Transcript twin = new Flow()
                .step("create", "POST", "/posts", 201, Map.of("location", "{base}/posts/1"), "{\"id\":1}", "{}")
                .step("read", "GET", "/posts/1", 200, Map.of(), "{\"id\":1,\"title\":\"a\"}", null).done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(List.of(), result.divergences());
        assertEquals(Map.of("1", "4"), result.minted());
    }

    @Test
    void givenEachETagTheDigestOfItsOwnBody_whenTheBodiesDifferOnlyByMintedValues_thenTheETagsAreEqual() {
        String recordedBody = "{\"ok\":true,\"id\":\"c0ffee00-aaaa-4bbb-8ccc-0123456789ab\"}";
        String twinBody = "{\"ok\":true,\"id\":\"f00dface-dddd-4eee-8fff-ba9876543210\"}";
        Transcript recorded = new Flow().step("create", "POST", "/books", 201,
                Map.of("etag", expressEtag(recordedBody)), recordedBody, "{}").done();
        Transcript twin = new Flow().step("create", "POST", "/books", 201,
                Map.of("etag", expressEtag(twinBody)), twinBody, "{}").done();

        assertEquals(List.of(), TranscriptComparison.compare(recorded, twin, Map.of()).divergences());
    }

    @Test
    void givenEachETagTheDigestOfItsOwnBody_whenTheBodiesDifferOtherwise_thenTheETagDiverges() {
        String recordedBody = "{\"ok\":true,\"title\":\"Dune\"}";
        String twinBody = "{\"ok\":true,\"title\":\"Emma\"}";
        Transcript recorded = new Flow().step("read", "GET", "/books/1", 200,
                Map.of("etag", expressEtag(recordedBody)), recordedBody, null).done();
        Transcript twin = new Flow().step("read", "GET", "/books/1", 200,
                Map.of("etag", expressEtag(twinBody)), twinBody, null).done();

        List<StepDivergence> found = TranscriptComparison.compare(recorded, twin, Map.of()).divergences();

        assertEquals(List.of("$.title", "header etag"), found.stream().map(StepDivergence::where).toList());
    }

    private static String expressEtag(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return "W/\"" + Integer.toHexString(bytes.length) + "-" + java.util.Base64.getEncoder().withoutPadding()
                    .encodeToString(java.security.MessageDigest.getInstance("SHA-1").digest(bytes)) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenAValueTheClientSent_whenTheTwinAnswersAnotherOne_thenItIsADivergenceNotAMint() {
        Transcript recorded = new Flow().step("create", "POST", "/posts", 201, Map.of(),
                "{\"id\":4,\"userId\":7}", "{\"userId\":7}").done();
        Transcript twin = new Flow().step("create", "POST", "/posts", 201, Map.of(),
                "{\"id\":4,\"userId\":8}", "{\"userId\":7}").done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(List.of(new StepDivergence("create", "$.userId", "7", "8")), result.divergences());
    }

    @Test
    void givenTheTwinAnswersAnIdItAlreadyShowedForAnotherRow_whenCompared_thenItIsNotMapped() {
        Transcript recorded = new Flow()
                .step("list", "GET", "/posts", 200, Map.of(), "[{\"id\":1}]", null)
                .step("create", "POST", "/posts", 201, Map.of(), "{\"id\":2}", "{}").done();
        Transcript twin = new Flow()
                .step("list", "GET", "/posts", 200, Map.of(), "[{\"id\":1}]", null)
                .step("create", "POST", "/posts", 201, Map.of(), "{\"id\":1}", "{}").done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(List.of(new StepDivergence("create", "$.id", "2", "1")), result.divergences());
    }

    @Test
    void givenTwoTwinIdsForOneRecordedId_whenCompared_thenTheSecondIsADivergence() {
        Transcript recorded = new Flow()
                .step("create", "POST", "/jobs", 201, Map.of(), "{\"key\":\"/jobs/00000000000000000007\"}", "{}")
                .step("again", "GET", "/jobs/last", 200, Map.of(), "{\"key\":\"/jobs/00000000000000000007\"}",
                        null).done();
        Transcript twin = new Flow()
                .step("create", "POST", "/jobs", 201, Map.of(), "{\"key\":\"/jobs/00000000000000000001\"}", "{}")
                .step("again", "GET", "/jobs/last", 200, Map.of(), "{\"key\":\"/jobs/00000000000000000002\"}",
                        null).done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(1, result.divergences().size(), result.divergences().toString());
        assertEquals("again  $.key", result.divergences().get(0).key());
    }

    @Test
    void givenARandomBase62IdThatDrewNoDigit_whenCompared_thenItIsMappedLikeAnyOtherMintedId() {
        Transcript recorded = new Flow()
                .step("create", "POST", "/v1/customers", 200, Map.of(), "{\"id\":\"cus_Y4ZxCiE8NvrdaG\"}", "{}")
                .step("read", "GET", "/v1/customers/cus_Y4ZxCiE8NvrdaG", 200, Map.of(),
                        "{\"id\":\"cus_Y4ZxCiE8NvrdaG\"}", null).done();
        Transcript twin = new Flow()
                .step("create", "POST", "/v1/customers", 200, Map.of(), "{\"id\":\"cus_rKIGSrSduPMKNV\"}", "{}")
                .step("read", "GET", "/v1/customers/cus_rKIGSrSduPMKNV", 200, Map.of(),
                        "{\"id\":\"cus_rKIGSrSduPMKNV\"}", null).done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(List.of(), result.divergences());
        assertEquals(Map.of("cus_rKIGSrSduPMKNV", "cus_Y4ZxCiE8NvrdaG"), result.minted());
    }

    @Test
    void givenATwinIdWithNoDigitAndFewCaseChanges_whenTheRecordedIdHasItsShape_thenItIsMapped() {
        // the twin drew cus_dmptuUsdxldesX: no digit, three case changes; one id in a few hundred looks so
        Transcript recorded = new Flow()
                .step("create", "POST", "/v1/customers", 200, Map.of(), "{\"id\":\"cus_JTQ6G6MnenjGda\"}", "{}")
                .step("list", "GET", "/v1/customers", 200, Map.of(),
                        "{\"data\":[{\"id\":\"cus_JTQ6G6MnenjGda\"}]}", null).done();
        Transcript twin = new Flow()
                .step("create", "POST", "/v1/customers", 200, Map.of(), "{\"id\":\"cus_dmptuUsdxldesX\"}", "{}")
                .step("list", "GET", "/v1/customers", 200, Map.of(),
                        "{\"data\":[{\"id\":\"cus_dmptuUsdxldesX\"}]}", null).done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(List.of(), result.divergences());
        assertEquals(Map.of("cus_dmptuUsdxldesX", "cus_JTQ6G6MnenjGda"), result.minted());
    }

    @Test
    void givenARecordedIdWithNoDigitAndFewCaseChanges_whenTheTwinIdHasItsShape_thenItIsMapped() {
        Transcript recorded = new Flow()
                .step("create", "POST", "/v1/customers", 200, Map.of(), "{\"id\":\"cus_TfbYFWSERBKluk\"}", "{}")
                .step("list", "GET", "/v1/customers", 200, Map.of(),
                        "{\"data\":[{\"id\":\"cus_TfbYFWSERBKluk\"}]}", null).done();
        Transcript twin = new Flow()
                .step("create", "POST", "/v1/customers", 200, Map.of(), "{\"id\":\"cus_MCvQIXqEFV6Hfb\"}", "{}")
                .step("list", "GET", "/v1/customers", 200, Map.of(),
                        "{\"data\":[{\"id\":\"cus_MCvQIXqEFV6Hfb\"}]}", null).done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin, Map.of());

        assertEquals(List.of(), result.divergences());
        assertEquals(Map.of("cus_MCvQIXqEFV6Hfb", "cus_TfbYFWSERBKluk"), result.minted());
    }

    @Test
    void givenCamelCaseWordsOfTheSameLength_whenCompared_thenTheyAreADivergenceNotAMint() {
        Transcript recorded = new Flow().step("read", "GET", "/a", 200, Map.of(),
                "{\"kind\":\"PaymentIntent\"}", null).done();
        Transcript twin = new Flow().step("read", "GET", "/a", 200, Map.of(),
                "{\"kind\":\"PaymentRefund\"}", null).done();

        assertEquals(List.of(new StepDivergence("read", "$.kind", "\"PaymentIntent\"", "\"PaymentRefund\"")),
                TranscriptComparison.compare(recorded, twin, Map.of()).divergences());
    }

    @Test
    void givenWordsThatDiffer_whenCompared_thenTheyAreReportedNeverMapped() {
        Transcript recorded = new Flow().step("read", "GET", "/a", 200, Map.of(), "{\"status\":\"open\"}", null).done();
        Transcript twin = new Flow().step("read", "GET", "/a", 200, Map.of(), "{\"status\":\"closed\"}", null).done();

        assertEquals(List.of(new StepDivergence("read", "$.status", "\"open\"", "\"closed\"")),
                TranscriptComparison.compare(recorded, twin, Map.of()).divergences());
    }

    @Test
    void givenTwoServerClockReadings_whenCompared_thenTheyAreEqualButOldDatesAreNot() {
        String now = Instant.now().toString();
        String soon = Instant.now().plusSeconds(3).toString();
        Transcript recorded = new Flow().step("read", "GET", "/a", 200, Map.of(),
                "{\"at\":\"" + now + "\",\"born\":\"1990-01-01T00:00:00Z\"}", null).done();
        Transcript twin = new Flow().step("read", "GET", "/a", 200, Map.of(),
                "{\"at\":\"" + soon + "\",\"born\":\"1990-01-02T00:00:00Z\"}", null).done();

        List<StepDivergence> divergences = TranscriptComparison.compare(recorded, twin, Map.of()).divergences();

        assertEquals(List.of("read  $.born"), divergences.stream().map(StepDivergence::key).toList());
    }

    @Test
    void givenTwoHttpDateReadings_whenCompared_thenTheyAreEqualButAnOldHttpDateIsNot() {
        java.time.format.DateTimeFormatter http = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
        String now = http.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String soon = http.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3));
        Transcript recorded = new Flow().step("search", "GET", "/-/v1/search", 200, Map.of(),
                "{\"time\":\"" + now + "\",\"released\":\"Mon, 01 Jan 1990 00:00:00 GMT\"}", null).done();
        Transcript twin = new Flow().step("search", "GET", "/-/v1/search", 200, Map.of(),
                "{\"time\":\"" + soon + "\",\"released\":\"Tue, 02 Jan 1990 00:00:00 GMT\"}", null).done();

        List<StepDivergence> divergences = TranscriptComparison.compare(recorded, twin, Map.of()).divergences();

        assertEquals(List.of("search  $.released"), divergences.stream().map(StepDivergence::key).toList());
    }

    @Test
    void givenAnUnrevealableStep_whenItsBodyDiffers_thenTheDifferenceIsUnrevealableButAStatusChangeIsNot() {
        Transcript recorded = new Flow()
                .step("upload", "POST", "/blobs", 201, Map.of(), "{\"digest\":\"abc\"}", null)
                .step("read", "GET", "/blobs/x", 200, Map.of(), "{\"ttl\":300}", null).done();
        Transcript twin = new Flow()
                .step("upload", "POST", "/blobs", 200, Map.of(), "{\"digest\":\"abc\"}", null)
                .step("read", "GET", "/blobs/x", 200, Map.of(), "{\"ttl\":299}", null).done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin,
                Map.of("upload", "a digest", "read", "a countdown"));

        assertEquals(List.of("upload  status"), result.divergences().stream().map(StepDivergence::key).toList());
        assertEquals(List.of("read  $.ttl"), result.unrevealable().stream().map(StepDivergence::key).toList());
    }

    @Test
    void givenOnePlaceOfAStepIsUnrevealable_whenItAndAnotherPlaceDiffer_thenOnlyTheOtherIsADivergence() {
        Transcript recorded = new Flow().step("read", "GET", "/k", 200, Map.of("x-index", "13"),
                "{\"node\":{\"ttl\":300}}", null).done();
        Transcript twin = new Flow().step("read", "GET", "/k", 200, Map.of(), "{\"node\":{\"ttl\":299}}", null)
                .done();

        TranscriptComparison.Result result = TranscriptComparison.compare(recorded, twin,
                Map.of("read  $.node.ttl", "a countdown"));

        assertEquals(List.of("read  header x-index"), result.divergences().stream().map(StepDivergence::key).toList());
        assertEquals(List.of("read  $.node.ttl"), result.unrevealable().stream().map(StepDivergence::key).toList());
    }

    @Test
    void givenJsonBodies_whenTheyDifferOnlyInKeyOrderAndNumberFormat_thenTheyAreEqual() {
        Transcript recorded = new Flow().step("read", "GET", "/a", 200, Map.of(), "{\"a\":1,\"b\":2.0}", null).done();
        Transcript twin = new Flow().step("read", "GET", "/a", 200, Map.of(), "{ \"b\": 2, \"a\": 1.0 }", null).done();

        assertEquals(List.of(), TranscriptComparison.compare(recorded, twin, Map.of()).divergences());
    }

    @Test
    void givenTheTwinRunStoppedEarly_whenCompared_thenEachStepNeverSentIsADivergence() {
        Transcript recorded = new Flow().step("one", "GET", "/a", 200, Map.of(), "{}", null)
                .step("two", "GET", "/b", 200, Map.of(), "{}", null).done();
        Transcript twin = new Flow().step("one", "GET", "/a", 200, Map.of(), "{}", null).done()
                .withFailure("java.net.ConnectException");

        List<StepDivergence> divergences = TranscriptComparison.compare(recorded, twin, Map.of()).divergences();

        assertEquals(List.of(new StepDivergence("two", "step", "answered 200", "never sent: java.net.ConnectException")),
                divergences);
    }

    @Test
    void givenRunsThatTookOtherSteps_whenCompared_thenTheFlowIsCalledNotDeterministic() {
        Transcript recorded = new Flow().step("one", "GET", "/a", 200, Map.of(), "{}", null).done();
        Transcript twin = new Flow().step("uno", "GET", "/a", 200, Map.of(), "{}", null).done();

        assertThrows(IllegalStateException.class, () -> TranscriptComparison.compare(recorded, twin, Map.of()));
    }

    /** A transcript written by hand. */
    private static final class Flow {
        private final List<Step> steps = new ArrayList<>();
        private final List<SentRequest> requests = new ArrayList<>();

        Flow step(String name, String method, String path, int status, Map<String, String> headers, String body,
                  String sentBody) {
            steps.add(new Step(name, method, path, status, headers, body));
            requests.add(new SentRequest(path, sentBody));
            return this;
        }

        Transcript done() {
            return new Transcript(steps, requests, null);
        }
    }
}
