package dev.twin.recorder.store;

import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which exchange ids belong to which session (a (session, id) index in MapDB) and a summary per session. The
 * summaries are kept in memory and written to MapDB only at commit, sparing one write per recorded exchange.
 * Callers synchronise writes (the store's lock).
 */
final class SessionIndex {
    private static final String BY_SESSION = "exchangesBySession";
    private static final String SESSIONS = "sessions";

    private final BTreeMap<Object[], Boolean> bySession;
    private final BTreeMap<String, long[]> stored;
    private final ConcurrentSkipListMap<String, long[]> summaries = new ConcurrentSkipListMap<>();
    private final Set<String> changed = new HashSet<>();

    @SuppressWarnings("unchecked")
    SessionIndex(DB db, boolean create) {
        DB.TreeMapMaker<?, ?> index = db.treeMap(BY_SESSION)
                .keySerializer(new SerializerArrayTuple(Serializer.STRING, Serializer.LONG))
                .valueSerializer(Serializer.BOOLEAN);
        DB.TreeMapMaker<String, long[]> sessions = db.treeMap(SESSIONS, Serializer.STRING, Serializer.LONG_ARRAY);
        this.bySession = (BTreeMap<Object[], Boolean>) (create ? index.createOrOpen() : index.open());
        this.stored = create ? sessions.createOrOpen() : sessions.open();
        reload();
    }

    void add(String session, long id, Instant startedAt) {
        bySession.put(new Object[]{session, id}, Boolean.TRUE);
        summaries.put(session, SessionCounts.add(summaries.get(session), startedAt));
        changed.add(session);
    }

    /** Writes the summaries changed since the last call; part of the store's commit. */
    void persist() {
        for (String session : changed) {
            long[] counts = summaries.get(session);
            if (counts == null) {
                stored.remove(session);
            } else {
                stored.put(session, counts);
            }
        }
        changed.clear();
    }

    /** Forgets unsaved summaries, e.g. after a rollback. */
    void reload() {
        summaries.clear();
        summaries.putAll(stored);
        changed.clear();
    }

    /** The (session, id) keys of a session in id order; key[1] is the id. */
    NavigableMap<Object[], Boolean> ids(String session) {
        return bySession.prefixSubMap(new Object[]{session});
    }

    /** Removes the session from the index and returns the ids it had. */
    List<Long> remove(String session) {
        List<Object[]> keys = new ArrayList<>(ids(session).keySet());
        List<Long> ids = new ArrayList<>(keys.size());
        for (Object[] key : keys) {
            bySession.remove(key);
            ids.add((Long) key[1]);
        }
        summaries.remove(session);
        changed.add(session);
        return ids;
    }

    void clear() {
        bySession.clear();
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
