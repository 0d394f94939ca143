package dev.twin.replayer.internal.startup;

import dev.twin.replayer.internal.admin.AdminRoutes;
import dev.twin.replayer.internal.admin.RequestJournal;
import dev.twin.replayer.config.ConfigLoader;
import dev.twin.replayer.internal.http.TwinRequest;
import dev.twin.replayer.internal.http.TwinResponse;
import dev.twin.replayer.internal.server.RequestPipeline;
import dev.twin.replayer.internal.server.ResponderFactory;
import dev.twin.replayer.internal.server.ServedApi;
import dev.twin.replayer.internal.server.ServedApiLoader;
import dev.twin.replayer.internal.spec.ApiOperation;
import dev.twin.replayer.internal.spec.SpecDocument;
import dev.twin.replayer.internal.spec.SpecIndex;
import dev.twin.replayer.internal.spec.SpecIndexCache;
import dev.twin.replayer.internal.spec.SpecLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up cache: index and plain answers written by one launch, used by the next, never trusted blindly. */
class StartupCacheTest {
    private static final Path STRIPE = Path.of("..", "examples", "stripe");
    private static final Path SPEC = STRIPE.resolve("spec3.json");
    private static String key;

    @TempDir
    Path home;

    @AfterEach
    void finishWrites() throws InterruptedException {
        awaitWrites(); // answering requests may have queued a write into the temporary home
    }

    @BeforeAll
    static void hashSpec() throws IOException {
        key = StartupCache.at(Path.of("unused")).keyOf(Files.readAllBytes(SPEC));
    }

    @Test
    void givenAnEmptyCache_whenASpecIsLoaded_thenItsIndexIsStoredAndTheNextLoadReadsIt() throws Exception {
        StartupCache cache = StartupCache.at(home);
        SpecDocument first = SpecLoader.load(SPEC, "stripe", cache);
        awaitWrites();
        assertTrue(Files.isRegularFile(home.resolve(key + ".index")));

        // replace the entry with a recognisably smaller index: the next load must use it
        SpecIndex index = SpecIndexCache.read(cache, key, Files.readAllBytes(SPEC)).orElseThrow();
        SpecIndex onePath = new SpecIndex(index.version(), index.serverUrl(), index.paths().subList(0, 1),
                index.components(), index.security());
        SpecIndexCache.write(cache, key, onePath);
        awaitWrites();

        SpecDocument second = SpecLoader.load(SPEC, "stripe", cache);
        assertEquals(onePath.paths().get(0).operations().size(), second.operations().size());
        assertEquals(first.operations().get(0).id(), second.operations().get(0).id());
    }

    @Test
    void givenACachedIndex_whenLoaded_thenTheOperationsAreThoseOfAnUncachedLoad() throws Exception {
        StartupCache cache = StartupCache.at(home);
        SpecLoader.load(SPEC, "stripe", cache);
        awaitWrites();
        SpecDocument cached = SpecLoader.load(SPEC, "stripe", cache);
        SpecDocument uncached = SpecLoader.load(SPEC, "stripe", StartupCache.DISABLED);
        assertEquals(describe(uncached), describe(cached));
        assertEquals(uncached.basePath(), cached.basePath());
        ApiOperation balance = cached.operations().stream().filter(o -> o.id().equals("stripe.GetBalance"))
                .findFirst().orElseThrow();
        assertEquals("/v1/balance", balance.pathTemplate());
        assertTrue(balance.operation().getResponses().containsKey("200"), "models are read from cached ranges");
    }

    @Test
    void givenAnEntryOfAnotherBuild_whenLoaded_thenItIsIgnoredAndRewritten() throws Exception {
        StartupCache cache = StartupCache.at(home);
        Files.write(home.resolve(key + ".index"), entry("some-other-build", new byte[] {0, 0, 0, 0}));

        SpecDocument loaded = SpecLoader.load(SPEC, "stripe", cache);
        awaitWrites();

        assertEquals(describe(SpecLoader.load(SPEC, "stripe", StartupCache.DISABLED)), describe(loaded));
        assertTrue(SpecIndexCache.read(cache, key, Files.readAllBytes(SPEC)).isPresent(),
                "the stale entry was replaced by this build's");
    }

    @Test
    void givenCorruptOrTruncatedEntries_whenLoaded_thenTheyAreIgnoredAndRebuilt() throws Exception {
        StartupCache cache = StartupCache.at(home);
        SpecLoader.load(SPEC, "stripe", cache);
        awaitWrites();
        Path file = home.resolve(key + ".index");
        byte[] good = Files.readAllBytes(file);
        List<byte[]> damaged = List.of(new byte[0], "not a cache entry".getBytes(),
                java.util.Arrays.copyOf(good, good.length / 2), flipLastBytes(good));
        String expected = describe(SpecLoader.load(SPEC, "stripe", StartupCache.DISABLED));
        for (byte[] bytes : damaged) {
            Files.write(file, bytes);
            assertEquals(expected, describe(SpecLoader.load(SPEC, "stripe", cache)));
            awaitWrites();
            assertArrayEquals(good, Files.readAllBytes(file), "the damaged entry was rewritten");
        }
    }

    @Test
    void givenAnIndexWhoseRangesDoNotFitTheSpec_whenLoaded_thenItIsIgnored() throws Exception {
        StartupCache cache = StartupCache.at(home);
        SpecLoader.load(SPEC, "stripe", cache);
        awaitWrites();
        SpecIndex index = SpecIndexCache.read(cache, key, Files.readAllBytes(SPEC)).orElseThrow();
        List<SpecIndex.PathEntry> shifted = index.paths().stream().map(p -> new SpecIndex.PathEntry(p.path(),
                p.operations().stream().map(o -> new SpecIndex.OperationEntry(o.method(), o.operationId(),
                        new dev.twin.replayer.internal.spec.ByteRange(o.range().offset() + 1, o.range().length()))).toList(),
                p.parameters())).toList();
        SpecIndexCache.write(cache, key, new SpecIndex(index.version(), index.serverUrl(), shifted,
                index.components(), index.security()));
        awaitWrites();

        SpecDocument loaded = SpecLoader.load(SPEC, "stripe", cache);
        assertTrue(loaded.operations().stream().filter(o -> o.id().equals("stripe.GetBalance")).findFirst()
                .orElseThrow().operation().getResponses().containsKey("200"), "read from the true ranges");
    }

    @Test
    void givenASmallSpec_whenLoaded_thenOnlyTheVerdictOfItsFullCheckIsCached() throws Exception {
        Path small = home.resolve("small.json");
        Files.writeString(small, "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"},"
                + " \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
        Path cacheDir = home.resolve("cache");
        SpecLoader.load(small, "small", StartupCache.at(cacheDir));
        awaitWrites();
        try (var entries = Files.list(cacheDir)) {
            assertEquals(List.of(StartupCache.checksum(Files.readAllBytes(small)) + ".verdict"),
                    entries.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void givenAnswersOfAnEarlierLaunch_whenTheSameRequestsArrive_thenTheAnswersAreByteEqual() throws Exception {
        StartupCache cache = StartupCache.at(home);
        ServedApi cold = load(cache);
        List<ApiOperation> sample = plainGets(cold);
        assertTrue(sample.size() >= 20, "a sample of Stripe's plain GETs: " + sample.size());
        Map<String, TwinResponse> coldAnswers = answerAll(cold, sample, Map.of());
        awaitWrites();

        ServedApi cached = load(cache);
        long succeeded = coldAnswers.values().stream().filter(r -> r.status() < 300).count();
        // operations whose plain request is invalid (a required query parameter) have no plain answer
        assertTrue(cached.plainAnswers().stored().size() >= succeeded && succeeded >= sample.size() / 2,
                "the first launch stored the plain answers: " + cached.plainAnswers().stored().size() + " of "
                        + succeeded + "; not stored: " + coldAnswers.entrySet().stream()
                        .filter(e -> e.getValue().status() < 300)
                        .filter(e -> cached.plainAnswers().stored().stream()
                                .noneMatch(a -> a.operationId().equals(e.getKey())))
                        .map(Map.Entry::getKey).toList());
        assertTrue(cached.plainAnswers().stored().stream().anyMatch(a -> a.operationId().equals("stripe.GetBalance")));
        Map<String, TwinResponse> cachedAnswers = answerAll(cached, sample, Map.of());
        Map<String, TwinResponse> uncachedAnswers = answerAll(load(StartupCache.DISABLED), sample, Map.of());
        for (ApiOperation operation : sample) {
            assertSame(coldAnswers.get(operation.id()), cachedAnswers.get(operation.id()), operation.id());
            assertSame(uncachedAnswers.get(operation.id()), cachedAnswers.get(operation.id()), operation.id());
        }
        assertTrue(new String(cachedAnswers.get("stripe.GetBalance").body()).contains("\"available\""));
    }

    @Test
    void givenCachedAnswers_whenARequestIsNotPlain_thenItIsAnsweredAsWithoutTheCache() throws Exception {
        StartupCache cache = StartupCache.at(home);
        ServedApi cold = load(cache);
        List<ApiOperation> balance = List.of(cold.operation("stripe.GetBalance"));
        answerAll(cold, balance, Map.of());
        awaitWrites();
        ServedApi cached = load(cache);
        ServedApi uncached = load(StartupCache.DISABLED);
        List<Map<String, String>> variants = List.of(Map.of("authorization", ""), Map.of("prefer", "code=500"),
                Map.of("accept", "text/html"));
        for (Map<String, String> headers : variants) {
            assertSame(answerAll(uncached, balance, headers).get("stripe.GetBalance"),
                    answerAll(cached, balance, headers).get("stripe.GetBalance"), headers.toString());
        }
        TwinRequest withQuery = request(cached.operation("stripe.GetBalance"), Map.of(), "expand[]=x");
        assertEquals(pipeline(uncached).handle(withQuery, "/v1/balance").status(),
                pipeline(cached).handle(withQuery, "/v1/balance").status());
    }

    @Test
    void givenACorruptAnswersEntry_whenLoaded_thenNothingIsStoredAndAnswersAreUnchanged() throws Exception {
        StartupCache cache = StartupCache.at(home);
        ServedApi cold = load(cache);
        List<ApiOperation> balance = List.of(cold.operation("stripe.GetBalance"));
        TwinResponse expected = answerAll(cold, balance, Map.of()).get("stripe.GetBalance");
        awaitWrites();
        Path answers = home.resolve(key + ".answers-stripe");
        byte[] good = Files.readAllBytes(answers);
        Files.write(answers, flipLastBytes(good));

        ServedApi reloaded = load(cache);
        assertTrue(reloaded.plainAnswers().stored().isEmpty());
        assertSame(expected, answerAll(reloaded, balance, Map.of()).get("stripe.GetBalance"), "after corruption");
    }

    private static ServedApi load(StartupCache cache) throws Exception {
        return ServedApiLoader.load(ConfigLoader.load(STRIPE.resolve("twin.yaml")), ResponderFactory.NONE,
                cache);
    }

    private static List<ApiOperation> plainGets(ServedApi api) {
        return api.operations().stream().filter(o -> o.method().equals("GET") && o.pathParameterNames().isEmpty())
                .limit(30).toList();
    }

    private static Map<String, TwinResponse> answerAll(ServedApi api, List<ApiOperation> operations,
                                                       Map<String, String> extraHeaders) {
        RequestPipeline pipeline = pipeline(api);
        Map<String, TwinResponse> answers = new LinkedHashMap<>();
        for (ApiOperation operation : operations) {
            answers.put(operation.id(), pipeline.handle(request(operation, extraHeaders, null),
                    operation.pathTemplate()));
        }
        return answers;
    }

    private static RequestPipeline pipeline(ServedApi api) {
        return new RequestPipeline(() -> api, new AdminRoutes(), new RequestJournal(16), null);
    }

    private static TwinRequest request(ApiOperation operation, Map<String, String> extraHeaders, String query) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("authorization", List.of("Bearer sk_test_x"));
        headers.put("accept", List.of("*/*"));
        extraHeaders.forEach((name, value) -> {
            if (value.isEmpty()) {
                headers.remove(name);
            } else {
                headers.put(name, List.of(value));
            }
        });
        Map<String, List<String>> queryParams = query == null ? Map.of()
                : Map.of(query.substring(0, query.indexOf('=')), List.of(query.substring(query.indexOf('=') + 1)));
        return new TwinRequest(operation.method(), operation.pathTemplate(), query, queryParams, headers,
                new byte[0], "127.0.0.1");
    }

    private static void assertSame(TwinResponse expected, TwinResponse actual, String what) {
        assertEquals(expected.status(), actual.status(), what);
        assertEquals(expected.headers(), actual.headers(), what);
        assertEquals(new String(expected.body()), new String(actual.body()), what);
    }

    private static String describe(SpecDocument spec) {
        List<String> lines = new ArrayList<>();
        spec.operations().forEach(o -> lines.add(o.id() + " " + o.method() + " " + o.pathTemplate()));
        return String.join("\n", lines);
    }

    private static byte[] entry(String buildStamp, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x7477696e);
        out.writeInt(1);
        out.writeUTF(key);
        out.writeUTF("index");
        out.writeUTF(buildStamp);
        out.write(payload);
        return bytes.toByteArray();
    }

    private static byte[] flipLastBytes(byte[] good) {
        byte[] bad = good.clone();
        for (int i = Math.max(0, bad.length - 8); i < bad.length; i++) {
            bad[i] = (byte) ~bad[i];
        }
        return bad;
    }

    private static void awaitWrites() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        StartupCache.afterPendingWrites(done::countDown);
        assertTrue(done.await(60, TimeUnit.SECONDS), "cache writes finished");
    }

}
