package dev.twin.recorder.store;

import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which exchange ids belong to which session ({@link IdRuns}, usually one run per session) and a summary per
 * session. Both are kept in memory and written to MapDB only at commit, in the same transaction as the exchanges,
 * so a recorded exchange costs one B-tree insert (the exchange itself) rather than two. Callers synchronise writes
 * (the store's lock); reads may come from any thread.
 */
final class SessionIndex {
    private static final String IDS = "sessionIds";
    private static final String SESSIONS = "sessions";
    /** Stores written before the id runs held a (session, id) B-tree; read once to build the runs. */
    private static final String OLD_BY_SESSION = "exchangesBySession";

    /** Null for a read-only store written before the id runs. */
    private final BTreeMap<String, long[]> storedIds;
    private final BTreeMap<String, long[]> stored;
    private final ConcurrentSkipListMap<String, long[]> summaries = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, IdRuns> ids = new ConcurrentHashMap<>();
    private final Set<String> changed = new HashSet<>();

    SessionIndex(DB db, boolean create) {
        boolean hadIds = db.exists(IDS);
        DB.TreeMapMaker<String, long[]> idsMaker = db.treeMap(IDS, Serializer.STRING, Serializer.LONG_ARRAY);
        this.storedIds = create ? idsMaker.createOrOpen() : hadIds ? idsMaker.open() : null;
        DB.TreeMapMaker<String, long[]> sessions = db.treeMap(SESSIONS, Serializer.STRING, Serializer.LONG_ARRAY);
        this.stored = create ? sessions.createOrOpen() : sessions.open();
        if (!hadIds && db.exists(OLD_BY_SESSION)) {
            readOldIndex(db);
        }
        reload();
    }

    @SuppressWarnings("unchecked")
    private void readOldIndex(DB db) {
        BTreeMap<Object[], Boolean> old = (BTreeMap<Object[], Boolean>) db.treeMap(OLD_BY_SESSION)
                .keySerializer(new SerializerArrayTuple(Serializer.STRING, Serializer.LONG))
                .valueSerializer(Serializer.BOOLEAN).open();
        Map<String, IdRuns> runs = new HashMap<>();
        for (Object[] key : old.keySet()) {
            addId(runs, (String) key[0], (Long) key[1]);
        }
        if (storedIds != null) {
            runs.forEach((session, sessionIds) -> storedIds.put(session, sessionIds.toArray()));
        } else {
            ids.putAll(runs);
        }
    }

    void add(String session, long id, Instant startedAt) {
        addId(ids, session, id);
        summaries.put(session, SessionCounts.add(summaries.get(session), startedAt));
        changed.add(session);
    }

    private static void addId(Map<String, IdRuns> ids, String session, long id) {
        ids.compute(session, (name, runs) -> (runs == null ? IdRuns.EMPTY : runs).plus(id));
    }

    /** Writes the ids and summaries changed since the last call; part of the store's commit. */
    void persist() {
        for (String session : changed) {
            long[] counts = summaries.get(session);
            IdRuns sessionIds = ids.get(session);
            if (counts == null) {
                stored.remove(session);
            } else {
                stored.put(session, counts);
            }
            if (sessionIds == null) {
                storedIds.remove(session);
            } else {
                storedIds.put(session, sessionIds.toArray());
            }
        }
        changed.clear();
    }

    /** Forgets unsaved changes, e.g. after a rollback. */
    void reload() {
        summaries.clear();
        summaries.putAll(stored);
        if (storedIds != null) {
            ids.clear();
            storedIds.forEach((session, runs) -> ids.put(session, IdRuns.of(runs)));
        }
        changed.clear();
    }

    /** The session's exchange ids. */
    IdRuns ids(String session) {
        return ids.getOrDefault(session, IdRuns.EMPTY);
    }

    /** Removes the session from the index and returns the ids it had. */
    List<Long> remove(String session) {
        List<Long> removed = ids(session).ascending().boxed().toList();
        ids.remove(session);
        summaries.remove(session);
        changed.add(session);
        return removed;
    }

    void clear() {
        storedIds.clear();
        ids.clear();
        stored.clear();
        summaries.clear();
        changed.clear();
    }

    List<String> names() {
        return new ArrayList<>(summaries.keySet());
    }

    List<SessionSummary> summaries() {
        List<SessionSummary> list = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : summaries.entrySet()) {
            list.add(SessionCounts.summary(entry.getKey(), entry.getValue()));
        }
        return list;
    }

    long count(String session) {
        long[] counts = summaries.get(session);
        return counts == null ? 0 : counts[0];
    }

    long total() {
        long total = 0;
        for (long[] counts : summaries.values()) {
            total += counts[0];
        }
        return total;
    }
}
