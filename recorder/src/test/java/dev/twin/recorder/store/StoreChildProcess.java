package dev.twin.recorder.store;

import dev.twin.recorder.SampleExchanges;
import dev.twin.recorder.redact.Redactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The other process in cross-process tests. {@code hold FILE}: opens the store, prints "opened" and keeps it open
 * until stdin closes. {@code record FILE}: records exchanges through a writer forever, printing "committed K"
 * after each flush (K = exchanges committed so far). {@code queue FILE}: queues 100 exchanges on a writer that
 * would not commit for an hour, prints "queued" and waits for a signal (the store closes on shutdown).
 * {@code journal FILE}: hands 50 exchanges to a writer that would not commit for an hour, asking to be told when
 * each is stored, prints "stored 50" once all were and waits to be killed.
 */
public final class StoreChildProcess {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        try (RecordingStore store = RecordingStore.open(file)) {
            System.out.println("opened");
            System.out.flush();
            if (args[0].equals("hold")) {
                System.in.read();
                return;
            }
            if (args[0].equals("queue")) {
                store.closeOnShutdown();
                RecordingWriter writer = store.writer(Redactor.defaults(), Duration.ofHours(1));
                for (int i = 0; i < 100; i++) {
                    writer.accept(SampleExchanges.get("term", "/q/" + i));
                }
                System.out.println("queued");
                System.out.flush();
                System.in.read();
                return;
            }
            if (args[0].equals("journal")) {
                RecordingWriter writer = store.writer(Redactor.defaults(), Duration.ofHours(1));
                CountDownLatch stored = new CountDownLatch(50);
                for (int i = 0; i < 50; i++) {
                    writer.accept(SampleExchanges.get("journal", "/j/" + i), stored::countDown);
                }
                stored.await();
                System.out.println("stored 50");
                System.out.flush();
                System.in.read();
                return;
            }
            RecordingWriter writer = store.writer(Redactor.defaults(), Duration.ofMillis(5));
            for (long committed = 0; ; ) {
                for (int i = 0; i < 20; i++) {
                    writer.accept(SampleExchanges.get("kill", "/n/" + (committed + i)));
                }
                writer.flush();
                committed += 20;
                System.out.println("committed " + committed);
                System.out.flush();
            }
        }
    }
}
