package dev.twin.recorder.store;

import dev.twin.recorder.Body;
import dev.twin.recorder.BodyDecoder;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.Header;
import dev.twin.recorder.RecordedResponse;
import dev.twin.recorder.SampleExchanges;
import dev.twin.recorder.redact.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingWriterTest {
    @TempDir
    Path dir;

    @Test
    void flushedExchangesAreStoredAndCommitted() {
        Path file = dir.resolve("twin.db");
        try (RecordingStore store = RecordingStore.open(file)) {
            RecordingWriter writer = store.writer(Redactor.defaults());
            for (int i = 0; i < 50; i++) {
                writer.accept(SampleExchanges.get("s", "/" + i));
            }

            writer.flush();

            assertEquals(50, store.count());
            assertEquals(50, writer.written());
        }
    }

    @Test
    void closingTheStoreDrainsItsWriter() {
        Path file = dir.resolve("twin.db");
        try (RecordingStore store = RecordingStore.open(file)) {
            RecordingWriter writer = store.writer(Redactor.defaults(), Duration.ofHours(1));
            writer.accept(SampleExchanges.get("s", "/a"));
            writer.accept(SampleExchanges.get("s", "/b"));
        }

        try (RecordingStore reopened = RecordingStore.openReadOnly(file)) {
            assertEquals(2, reopened.count());
        }
    }

    @Test
    void exchangesHandedOverAfterCloseAreCountedAsFailed() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults());
            writer.close();

            writer.accept(SampleExchanges.get("s", "/late"));

            assertEquals(1, writer.failed());
            assertEquals(0, store.count());
        }
    }

    @Test
    void aWriterHeldPastItsMaxBacklogIsBehindUntilItCaughtUpAndThenStoresEverything() throws Exception {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults(), RecordingStore.DEFAULT_COMMIT_INTERVAL, 10);
            CountDownLatch caughtUp = new CountDownLatch(1);
            // The store's writes synchronize on the store: holding its monitor holds the writer at its next append.
            synchronized (store) {
                for (int i = 0; i < 30; i++) {
                    writer.accept(SampleExchanges.get("s", "/" + i));
                }
                assertTrue(writer.isBehind());
                writer.whenCaughtUp(caughtUp::countDown);
                assertEquals(1, caughtUp.getCount(), "resumed while the writer was still held");
            }

            assertTrue(caughtUp.await(10, TimeUnit.SECONDS), "the writer never caught up");
            writer.flush();

            assertFalse(writer.isBehind());
            assertEquals(30, store.count());
        }
    }

    @Test
    void aWriterThatIsNotBehindResumesAtOnce() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults());
            AtomicInteger resumed = new AtomicInteger();

            writer.whenCaughtUp(resumed::incrementAndGet);

            assertFalse(writer.isBehind());
            assertEquals(1, resumed.get());
        }
    }

    @Test
    void closingAWriterThatIsBehindResumesItsWaitersOnce() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults(), RecordingStore.DEFAULT_COMMIT_INTERVAL, 4);
            AtomicInteger resumed = new AtomicInteger();
            synchronized (store) {
                for (int i = 0; i < 8; i++) {
                    writer.accept(SampleExchanges.get("s", "/" + i));
                }
                writer.whenCaughtUp(resumed::incrementAndGet);
            }

            writer.close();

            assertEquals(1, resumed.get());
            assertEquals(8, store.count());
        }
    }

    @Test
    void gzipResponseIsStoredDecodedWithItsEncodingNoted() throws IOException {
        byte[] json = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = gzip(json);
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults());

            writer.accept(withResponseBody(new Body(gzipped, false, gzipped.length, "gzip")));
            writer.flush();

            Body stored = store.get(1).orElseThrow().response().body();
            assertEquals("{\"hello\":\"world\"}", stored.text());
            assertEquals("gzip", stored.contentEncoding());
            assertEquals(gzipped.length, stored.originalSize());
            assertTrue(BodyDecoder.isDecoded(stored));
        }
    }

    @Test
    void brotliBodyIsStoredAsReceivedAndMarkedUndecoded() {
        byte[] brotli = {11, 2, -128, 104, 105, 3};
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults());

            writer.accept(withResponseBody(new Body(brotli, false, brotli.length, "br")));
            writer.flush();

            Body stored = store.get(1).orElseThrow().response().body();
            assertEquals(List.of(11, 2, -128, 104, 105, 3), toList(stored.bytes()));
            assertEquals("br;undecoded", stored.contentEncoding());
            assertFalse(BodyDecoder.isDecoded(stored));
        }
    }

    @Test
    void writerRedactsBeforeStoring() {
        try (RecordingStore store = RecordingStore.open(dir.resolve("twin.db"))) {
            RecordingWriter writer = store.writer(Redactor.defaults());

            writer.accept(SampleExchanges.post("s", "/v1/charges",
                    List.of(new Header("Authorization", "Bearer sk_test_writer")), "application/json", "{}"));
            writer.flush();

            String authorization = store.get(1).orElseThrow().request().headers().get(0).value();
            assertTrue(authorization.startsWith("Bearer redacted:sha256:"), authorization);
        }
    }

    private static Exchange withResponseBody(Body body) {
        Exchange sample = SampleExchanges.get("s", "/compressed");
        RecordedResponse response = new RecordedResponse(200, List.of(new Header("Content-Encoding",
                body.contentEncoding())), body);
        return new Exchange(0, sample.session(), sample.startedAt(), 1, null, sample.request(), response, null,
                false);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static List<Integer> toList(byte[] bytes) {
        List<Integer> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add((int) b);
        }
        return list;
    }
}
