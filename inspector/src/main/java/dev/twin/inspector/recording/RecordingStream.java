package dev.twin.inspector.recording;

import dev.twin.inspector.Background;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.store.RecordingStore;
import dev.twin.replayer.internal.admin.ServerSentEvents;
import dev.twin.replayer.internal.http.ResponseStream;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /__twin/recording/stream}: the session's exchanges as server-sent events ({@code exchange}, {@code id}
 * the exchange id): the latest {@value #BACKLOG} with an id above {@code ?after=}, then each new one, found by
 * reading the store's newest exchanges every {@value #POLL_MILLIS} ms while the stream is open (the recorder's
 * writer stays untouched, and nothing is read while no page is open).
 */
final class RecordingStream implements ResponseStream {
    static final int BACKLOG = 500;
    static final long POLL_MILLIS = 250;
    private static final ScheduledExecutorService POLLER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "twin-inspector-recording");
        thread.setDaemon(true);
        return thread;
    });

    private final RecordingStore store;
    private final String session;
    private final ExchangeView view;
    private final long after;

    RecordingStream(RecordingStore store, String session, ExchangeView view, long after) {
        this.store = store;
        this.session = session;
        this.view = view;
        this.after = after;
    }

    @Override
    public void open(Sink sink) {
        long[] last = {after};
        Background.executor().execute(() -> {
            if (!sendNew(sink, last, BACKLOG)) {
                return;
            }
            ScheduledFuture<?> poll = POLLER.scheduleWithFixedDelay(() -> {
                if (!sendNew(sink, last, BACKLOG)) {
                    throw new StreamClosed(); // stops the schedule
                }
            }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            sink.onClose(() -> poll.cancel(false));
            ServerSentEvents.heartbeat(sink);
        });
    }

    /** Sends the exchanges newer than {@code last[0]}, oldest first; false once the client is gone. */
    private boolean sendNew(Sink sink, long[] last, int limit) {
        List<Exchange> latest;
        try {
            latest = store.latest(session, limit);
        } catch (IllegalStateException closed) {
            sink.close(); // the recording stopped
            return false;
        }
        for (Exchange exchange : latest) {
            if (exchange.id() > last[0]) {
                if (!sink.write(ServerSentEvents.event("exchange", exchange.id(),
                        view.summary(exchange).toString()))) {
                    return false;
                }
                last[0] = exchange.id();
            }
        }
        return true;
    }

    private static final class StreamClosed extends RuntimeException {
        StreamClosed() {
            super(null, null, false, false);
        }
    }
}
