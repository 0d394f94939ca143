package dev.twin.replayer.internal.state;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What was worked out from each of the credentials seen lately (a tenant key, whether {@code credentials.reject}
 * refuses it), so that a request does not work it out again for the key every earlier request carried: hashing or
 * matching a key cost more than the rest of telling the tenant. Bounded: when full it forgets everything and starts
 * over (clients use a handful of keys; a flood of new ones only costs the work again). The credentials stay in
 * memory only, like the requests that carried them.
 *
 * @param <V> what is worked out from a credential
 */
public final class CredentialMemo<V> {
    public static final int DEFAULT_CAPACITY = 1024;

    private final Function<String, V> work;
    private final int capacity;
    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();

    public CredentialMemo(Function<String, V> work, int capacity) {
        this.work = Objects.requireNonNull(work, "work");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The same as {@code work.apply(credential)}. */
    public V get(String credential) {
        V value = values.get(credential);
        if (value == null) {
            value = work.apply(credential);
            if (values.size() >= capacity) {
                values.clear();
            }
            values.put(credential, value);
        }
        return value;
    }

    /** How many credentials are remembered (at most the capacity, give or take concurrent callers). */
    int size() {
        return values.size();
    }
}
