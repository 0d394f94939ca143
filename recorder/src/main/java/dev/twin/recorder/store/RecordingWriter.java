package dev.twin.recorder.store;

import dev.twin.recorder.BodyDecoder;
import dev.twin.recorder.Exchange;
import dev.twin.recorder.ExchangeSink;
import dev.twin.recorder.redact.Redactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes finished exchanges from proxies without ever blocking them and writes them on one thread of its own:
 * decode gzip/deflate bodies ({@link BodyDecoder}), redact secrets ({@link Redactor}), append, and commit as a
 * group.
 *
 * <p><b>Durability.</b> A commit goes through MapDB's write-ahead log, so if the process is killed at any point
 * (including kill -9) the store reopens cleanly and holds every exchange committed before the kill.
 * <ul>
 *   <li>{@link #accept(Exchange, Runnable)} (what the proxies use): the callback runs once the exchange survives
 *       the process being killed, and the proxy releases the end of the response only then. As soon as the writer
 *       has drained the queue it writes everything appended so far to the store's journal
 *       ({@link RecordingStore#writeJournal()}: one write call, no commit, no sync), so the exchanges waiting at that
 *       moment share one write (group commit): under load the batches grow. An exchange whose response the client
 *       has received is in the journal or committed, so a kill -9 cannot lose it; no timing is involved. (A power
 *       cut can still take the last commit interval.)</li>
 *   <li>{@link #accept(Exchange)} (imports, tests): committed at most {@code commitInterval} (default 100 ms) after
 *       the writer first saw it, unless the writer is behind; exchanges accepted after the last commit are lost with
 *       the process.</li>
 * </ul>
 * The writer also commits after every {@value #DEFAULT_BATCH} exchanges, on {@link #flush()} and on
 * {@link #close()}; a clean stop (SIGINT/SIGTERM with {@link RecordingStore#closeOnShutdown()}) flushes everything.
 *
 * <p>{@link #accept(Exchange)} only enqueues (lock-free, and without waking the writer: under traffic the writer
 * drains the queue in batches every {@value #DRAIN_MILLIS} ms or so, so a recorded exchange costs the proxy no
 * thread hand-off); {@link #accept(Exchange, Runnable)} also wakes the writer, since a client waits for it.
 *
 * <p><b>Back-pressure.</b> Nothing is dropped. Once {@code maxBacklog} exchanges (default
 * {@value #DEFAULT_MAX_BACKLOG}) wait to be written the writer {@link #isBehind() is behind}: proxies stop reading
 * new requests, so traffic slows to what the store can record. When the backlog is down to half of that, the
 * writer runs the {@link #whenCaughtUp} callbacks and the proxies read on. Exchanges already under way still
 * arrive (at most about one per client connection), so memory stays bounded by the backlog plus the connections.
 */
public final class RecordingWriter implements ExchangeSink, AutoCloseable {
    static final int DEFAULT_BATCH = 1000;
    public static final int DEFAULT_MAX_BACKLOG = 10_000;
    /** At most this many exchanges whose clients wait share one journal write. */
    static final int JOURNAL_BATCH = 256;
    /** How often a writer with uncommitted or incoming work looks at the queue again. */
    static final long DRAIN_MILLIS = 10;

    private final RecordingStore store;
    private final Redactor redactor;
    private final long commitIntervalNanos;
    private final long drainNanos;
    private final int batchSize;
    private final int maxBacklog;
    /** At this backlog a writer that was behind has caught up (half the maximum, so pauses are not brief). */
    private final int caughtUpAt;
    /** Exchanges and barriers, in the order they were handed over. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Set on the proxy's thread by the exchange that fills the backlog, cleared by the writer once it caught up. */
    private volatile boolean behind;
    /** Callbacks of proxies waiting for the writer to catch up; each is polled (so run) exactly once. */
    private final ConcurrentLinkedQueue<Runnable> waitingForCatchUp = new ConcurrentLinkedQueue<>();
    /** How often the writer caught up after falling behind; written by the writer thread only. */
    private long catchUps;
    /** Set by the writer before it parks with nothing to do; the next {@link #accept} then wakes it. */
    private volatile boolean idle;
    private volatile boolean closed;

    /** Callbacks of exchanges appended but not yet journalled or committed; run by the writer thread after that. */
    private final List<Runnable> awaitingDurability = new ArrayList<>();

    /** An exchange whose proxy waits for it to be committed. */
    private record Durable(Exchange exchange, Runnable whenStored) {
    }

    /** Completed once everything queued before it is committed; {@code stop} ends the writer thread after that. */
    private record Barrier(CompletableFuture<Void> done, boolean stop) {
    }

    RecordingWriter(RecordingStore store, Redactor redactor, Duration commitInterval, int batchSize,
                    int maxBacklog) {
        if (maxBacklog < 1) {
            throw new IllegalArgumentException("max backlog must be positive: " + maxBacklog);
        }
        this.store = store;
        this.redactor = redactor;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.drainNanos = Math.min(DRAIN_MILLIS * 1_000_000, Math.max(1, commitIntervalNanos / 2));
        this.batchSize = batchSize;
        this.maxBacklog = maxBacklog;
        this.caughtUpAt = maxBacklog / 2;
        this.thread = new Thread(this::run, "twin-recording-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the exchange; returns at once. Exchanges handed over after {@link #close()} are dropped. */
    @Override
    public void accept(Exchange exchange) {
        if (closed) {
            failed.incrementAndGet();
            return;
        }
        if (queued.incrementAndGet() >= maxBacklog && !behind) {
            behind = true;
        }
        queue.add(exchange);
        if (idle) {
            wake();
        }
    }

    /**
     * Queues the exchange and runs {@code whenStored} on the writer thread once it is journalled or committed (or
     * could not be stored, which stderr reports). Returns at once. After {@link #close()} the exchange is dropped and
     * {@code whenStored} runs at once.
     */
    @Override
    public void accept(Exchange exchange, Runnable whenStored) {
        if (closed) {
            failed.incrementAndGet();
            whenStored.run();
            return;
        }
        if (queued.incrementAndGet() >= maxBacklog && !behind) {
            behind = true;
        }
        queue.add(new Durable(exchange, whenStored));
        wake();
    }

    /** True from the moment {@code maxBacklog} exchanges wait to be written until the backlog is down to half. */
    @Override
    public boolean isBehind() {
        return behind;
    }

    /**
     * Runs {@code resume} once the writer has caught up, on the writer thread (or at once on the caller's when it
     * is not behind). Callbacks must only hand work off.
     */
    @Override
    public void whenCaughtUp(Runnable resume) {
        waitingForCatchUp.add(resume);
        if (!behind) {
            // The writer may have caught up between the caller's isBehind() and the add above.
            resumeWaiting();
        }
    }

    private void caughtUp() {
        behind = false;
        resumeWaiting();
        if (catchUps++ == 0) {
            System.err.println("twin: the store fell behind the traffic; new requests wait while it catches up"
                    + " (nothing is dropped)");
        }
    }

    private void resumeWaiting() {
        for (Runnable resume; (resume = waitingForCatchUp.poll()) != null; ) {
            try {
                resume.run();
            } catch (RuntimeException e) {
                // e.g. the proxy's event loop already shut down: that connection has nothing left to resume
            }
        }
    }

    /** Blocks until every exchange accepted before this call is stored and committed. */
    public void flush() {
        awaitBarrier(false);
    }

    /** Exchanges appended to the store so far (committed or about to be). */
    public long written() {
        return written.get();
    }

    /** Exchanges that could not be stored (see stderr for why) or arrived after close. */
    public long failed() {
        return failed.get();
    }

    /** Stores and commits everything queued, then stops the writer thread. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        awaitBarrier(true);
        if (catchUps > 0) {
            System.err.println("twin: the store fell behind the traffic " + catchUps + " time(s); each time new"
                    + " requests waited until it caught up (nothing was dropped)");
        }
        // Nothing more will be written: let paused connections read on (what they send is counted as failed).
        behind = false;
        resumeWaiting();
    }

    private void awaitBarrier(boolean stop) {
        if (!thread.isAlive()) {
            return;
        }
        Barrier barrier = new Barrier(new CompletableFuture<>(), stop);
        queue.add(barrier);
        wake();
        barrier.done().join();
    }

    private void wake() {
        idle = false;
        LockSupport.unpark(thread);
    }

    /**
     * Drains the queue, committing after {@code batchSize} exchanges and once the oldest uncommitted exchange has
     * waited about a commit interval. The deadline counts from when the writer first saw the exchange, less one
     * drain period, so an exchange is committed within a commit interval of being accepted unless the writer is
     * behind.
     */
    private void run() {
        int pending = 0;
        long commitDue = 0;
        while (true) {
            Object item = queue.poll();
            if (item instanceof Exchange || item instanceof Durable) {
                if (queued.decrementAndGet() <= caughtUpAt && behind) {
                    caughtUp();
                }
                if (item instanceof Durable durable) {
                    write(durable.exchange());
                    awaitingDurability.add(durable.whenStored());
                    if (awaitingDurability.size() >= JOURNAL_BATCH) {
                        // The queue may never drain under steady load: clients should not wait for it.
                        writeJournal();
                    }
                } else {
                    write((Exchange) item);
                }
                if (pending++ == 0) {
                    commitDue = System.nanoTime() + Math.max(0, commitIntervalNanos - drainNanos);
                }
                if (pending >= batchSize || System.nanoTime() - commitDue >= 0) {
                    commit();
                    pending = 0;
                }
            } else if (item instanceof Barrier barrier) {
                commit();
                pending = 0;
                barrier.done().complete(null);
                if (barrier.stop()) {
                    return;
                }
            } else if (!awaitingDurability.isEmpty()) {
                // The queue is drained and clients wait: one journal write makes the whole batch durable.
                writeJournal();
            } else if (pending > 0 && System.nanoTime() - commitDue >= 0) {
                commit();
                pending = 0;
            } else {
                waitForWork(pending > 0 ? Math.min(drainNanos, commitDue - System.nanoTime()) : 0);
            }
        }
    }

    /** Parks for {@code nanos}, or when 0 until woken by the next exchange or barrier. */
    private void waitForWork(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(this, nanos);
            return;
        }
        idle = true;
        if (queue.isEmpty()) {
            LockSupport.park(this);
        }
        idle = false;
    }

    private void write(Exchange exchange) {
        try {
            store.appendJournalled(redactor.redact(BodyDecoder.decodeBodies(exchange)));
            written.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            System.err.println("twin: could not record " + exchange.request().method() + " "
                    + exchange.request().host() + exchange.request().path() + ": " + e);
        }
    }

    private void commit() {
        try {
            store.commit();
        } catch (RuntimeException e) {
            System.err.println("twin: could not commit recordings to " + store.file() + ": " + e);
        }
        releaseWaiting();
    }

    private void writeJournal() {
        try {
            store.writeJournal();
        } catch (RuntimeException e) {
            System.err.println("twin: could not write the journal of " + store.file() + ": " + e);
        }
        releaseWaiting();
    }

    /** Released also after a failure (reported): holding the clients' responses would not store the exchanges. */
    private void releaseWaiting() {
        for (Runnable whenStored : awaitingDurability) {
            try {
                whenStored.run();
            } catch (RuntimeException e) {
                // e.g. the proxy's event loop already shut down: that client is gone
            }
        }
        awaitingDurability.clear();
    }
}
