package dev.twin.replayer.state;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant keys of the credentials seen lately, so that a request does not hash its API key again: the SHA-256
 * cost more than everything else in telling the tenant. Bounded: when full it forgets everything and starts over
 * (clients use a handful of keys; a flood of new ones only costs the hashing again). The credentials stay in
 * memory only, like the requests that carried them.
 */
final class TenantKeyCache {
    static final int DEFAULT_CAPACITY = 1024;

    private final int capacity;
    private final ConcurrentHashMap<String, String> keys = new ConcurrentHashMap<>();

    TenantKeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The same as {@link TenantResolver#keyOf}. */
    String keyOf(String credential) {
        String key = keys.get(credential);
        if (key == null) {
            key = TenantResolver.keyOf(credential);
            if (keys.size() >= capacity) {
                keys.clear();
            }
            keys.put(credential, key);
        }
        return key;
    }

    /** How many credentials are remembered (at most the capacity, give or take concurrent callers). */
    int size() {
        return keys.size();
    }
}
