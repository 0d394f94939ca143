package dev.twin.recorder.store;

import dev.twin.recorder.Exchange;
import dev.twin.recorder.redact.Redactor;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.Serializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The recordings of one MapDB file: exchanges keyed by a monotonically increasing id, each session's ids, and a
 * summary per session. Only one process (and one open in a JVM) may use a file at a time; others get
 * {@link StoreInUseException}.
 *
 * <p>Writes are transactional (MapDB write-ahead log): {@link #append} changes become durable at
 * {@link #commit}, or, against the process being killed (not against a power cut), already at
 * {@link #writeJournal()}, which is far cheaper (see {@link ExchangeJournal}); the next writable open appends what
 * the journal holds beyond the last commit. Proxies should not call {@code append} themselves but hand exchanges to a
 * {@link #writer(Redactor, Duration) RecordingWriter}, which redacts, decodes and group-commits off their thread.
 * Reads are safe from any thread, also while a writer appends.
 */
public final class RecordingStore implements AutoCloseable {
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    private static final String EXCHANGES = "exchanges";
    private static final String LAST_ID = "lastId";

    private final Path file;
    private final StoreFile handle;
    private final DB db;
    private final BTreeMap<Long, byte[]> exchanges;
    private final SessionIndex sessions;
    /** Written to MapDB at commit only; kept here so appends cost one write less. */
    private final Atomic.Long storedLastId;
    private long lastId;
    /** Appends since the last commit; null when read-only. */
    private final ExchangeJournal journal;
    private final List<RecordingWriter> writers = new CopyOnWriteArrayList<>();
    private Thread shutdownHook;
    private boolean closed;

    private RecordingStore(Path file, StoreFile handle) {
        this.file = file;
        this.handle = handle;
        this.db = handle.db();
        boolean create = !handle.readOnly();
        DB.TreeMapMaker<Long, byte[]> maker = db.treeMap(EXCHANGES, Serializer.LONG, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable();
        this.exchanges = create ? maker.createOrOpen() : maker.open();
        this.sessions = new SessionIndex(db, create);
        this.storedLastId = create ? db.atomicLong(LAST_ID).createOrOpen() : db.atomicLong(LAST_ID).open();
        this.lastId = storedLastId.get();
        this.journal = create ? ExchangeJournal.open(ExchangeJournal.beside(file)) : null;
        if (create) {
            recoverJournal();
            writeAndCommit();
        }
    }

    /** Appends what a killed recorder had journalled but not committed, under the same ids. */
    private void recoverJournal() {
        for (ExchangeJournal.Entry entry : ExchangeJournal.read(ExchangeJournal.beside(file))) {
            if (entry.id() <= lastId) {
                continue;
            }
            Exchange exchange = ExchangeCodec.decode(entry.id(), entry.exchange());
            lastId = entry.id();
            exchanges.put(lastId, entry.exchange());
            sessions.add(exchange.session(), lastId, exchange.startedAt());
        }
    }

    /** Opens the store for recording, creating the file when it does not exist. */
    public static RecordingStore open(Path file) {
        return build(file, StoreFile.openWritable(file));
    }

    /**
     * Opens an existing store for reading only. The file is not modified, except that exchanges a killed recorder
     * left in the journal are first moved into the store (when no other process holds it).
     */
    public static RecordingStore openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("store " + file + " does not exist");
        }
        if (ExchangeJournal.hasRecords(ExchangeJournal.beside(file))) {
            try {
                open(file).close();
            } catch (StoreInUseException recording) {
                // the recorder that holds it keeps its own journal
            }
        }
        return build(file, StoreFile.openReadOnly(file));
    }

    private static RecordingStore build(Path file, StoreFile handle) {
        try {
            return new RecordingStore(file, handle);
        } catch (StoreException e) {
            handle.close();
            throw e;
        } catch (DBException | IllegalStateException | UnsupportedOperationException e) {
            handle.close();
            throw new StoreException("store " + file + " is not a readable twin store: " + StoreFile.describe(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * A writer that drains exchanges on its own thread, redacting, decoding and committing every
     * {@code commitInterval}. Closing the store closes its writers first.
     */
    public RecordingWriter writer(Redactor redactor, Duration commitInterval) {
        return writer(redactor, commitInterval, RecordingWriter.DEFAULT_MAX_BACKLOG);
    }

    /**
     * A writer as above that reports itself {@link RecordingWriter#isBehind() behind} (so proxies pause their
     * clients) once {@code maxBacklog} exchanges wait to be written.
     */
    public synchronized RecordingWriter writer(Redactor redactor, Duration commitInterval, int maxBacklog) {
        checkWritable();
        RecordingWriter writer = new RecordingWriter(this, redactor, commitInterval, RecordingWriter.DEFAULT_BATCH,
                maxBacklog);
        writers.add(writer);
        return writer;
    }

    public RecordingWriter writer(Redactor redactor) {
        return writer(redactor, DEFAULT_COMMIT_INTERVAL);
    }

    /** Stores the exchange as given (no redaction) under the next id and returns that id. Durable at commit. */
    public synchronized long append(Exchange exchange) {
        checkWritable();
        long id = ++lastId;
        exchanges.put(id, ExchangeCodec.encode(exchange));
        sessions.add(exchange.session(), id, exchange.startedAt());
        return id;
    }

    /**
     * As {@link #append}, and also into the journal, so that {@link #writeJournal()} can make it durable before the
     * next commit. Only the writer journals: an import stays all or nothing (a killed import leaves nothing).
     */
    synchronized long appendJournalled(Exchange exchange) {
        checkWritable();
        long id = ++lastId;
        byte[] encoded = ExchangeCodec.encode(exchange);
        exchanges.put(id, encoded);
        sessions.add(exchange.session(), id, exchange.startedAt());
        journal.add(id, encoded);
        return id;
    }

    /**
     * Makes every exchange a writer appended so far survive the process being killed (kill -9, a crash), without a
     * commit: one write of the journal. A power cut can still take what was not committed.
     */
    public synchronized void writeJournal() {
        checkWritable();
        journal.write();
    }

    public synchronized void commit() {
        checkWritable();
        writeAndCommit();
    }

    private void writeAndCommit() {
        sessions.persist();
        storedLastId.set(lastId);
        db.commit();
        journal.clear();
    }

    /** Discards every change since the last commit (e.g. a HAR import that failed half-way). */
    public synchronized void rollback() {
        checkWritable();
        db.rollback();
        journal.clear();
        sessions.reload();
        lastId = storedLastId.get();
    }

    public Optional<Exchange> get(long id) {
        byte[] bytes = exchanges.get(id);
        return bytes == null ? Optional.empty() : Optional.of(ExchangeCodec.decode(id, bytes));
    }

    public long count() {
        return sessions.total();
    }

    /** Exchanges in the session, or in the whole store when null. */
    public long count(String sessionOrNull) {
        if (sessionOrNull == null) {
            return count();
        }
        return sessions.count(sessionOrNull);
    }

    /** Session names in alphabetical order. */
    public List<String> sessions() {
        return sessions.names();
    }

    public List<SessionSummary> sessionSummaries() {
        return sessions.summaries();
    }

    /**
     * Exchanges in id order, decoded one at a time as the stream is consumed. Close the stream or consume it
     * fully; it reflects appends made while it is read only partly (weakly consistent).
     *
     * @param sessionOrNull only this session, or every exchange when null
     */
    public Stream<Exchange> exchanges(String sessionOrNull) {
        if (sessionOrNull == null) {
            return exchanges.entrySet().stream().map(e -> ExchangeCodec.decode(e.getKey(), e.getValue()));
        }
        return sessions.ids(sessionOrNull).ascending().mapToObj(this::get).flatMap(Optional::stream);
    }

    /** The last {@code limit} exchanges (of a session, or of all when null), oldest first. */
    public List<Exchange> latest(String sessionOrNull, int limit) {
        List<Exchange> latest = new ArrayList<>();
        if (sessionOrNull == null) {
            exchanges.descendingMap().entrySet().stream().limit(limit)
                    .forEach(e -> latest.add(ExchangeCodec.decode(e.getKey(), e.getValue())));
        } else {
            sessions.ids(sessionOrNull).descending().limit(limit).forEach(id -> get(id).ifPresent(latest::add));
        }
        Collections.reverse(latest);
        return latest;
    }

    /** Removes every exchange of the session (or all when null) and commits. Ids are never reused. */
    public synchronized void clear(String sessionOrNull) {
        checkWritable();
        if (sessionOrNull == null) {
            exchanges.clear();
            sessions.clear();
        } else {
            for (long id : sessions.remove(sessionOrNull)) {
                exchanges.remove(id);
            }
        }
        writeAndCommit();
    }

    /** Closes this store (flushing its writers) when the JVM shuts down, e.g. on SIGINT or SIGTERM. */
    public synchronized RecordingStore closeOnShutdown() {
        if (shutdownHook == null && !closed) {
            shutdownHook = new Thread(this::close, "twin-store-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /** Flushes and closes the writers, commits and releases the file. Safe to call more than once. */
    @Override
    public void close() {
        for (RecordingWriter writer : writers) {
            writer.close();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            removeShutdownHook();
            if (!handle.readOnly()) {
                writeAndCommit();
                journal.close();
                deleteEmptyJournal();
            }
            handle.close();
        }
    }

    private void deleteEmptyJournal() {
        try {
            Files.deleteIfExists(ExchangeJournal.beside(file));
        } catch (IOException e) {
            // an empty journal left behind is harmless
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to; close() is idempotent
            }
        }
    }

    private void checkWritable() {
        if (handle.readOnly()) {
            throw new IllegalStateException("store " + file + " was opened read-only");
        }
        if (closed) {
            throw new IllegalStateException("store " + file + " is closed");
        }
    }
}
