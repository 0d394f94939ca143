package dev.twin.replayer.internal.spec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A read-only map of component name to swagger model that deserialises each entry on first {@code get}. Iterating
 * builds every entry (in document order), so callers that only follow {@code $ref}s stay cheap.
 */
final class LazyComponentMap<T> extends AbstractMap<String, T> {
    private final Map<String, ByteRange> ranges;
    private final Function<ByteRange, T> reader;
    private final ConcurrentHashMap<String, T> built = new ConcurrentHashMap<>();

    LazyComponentMap(Map<String, ByteRange> ranges, Function<ByteRange, T> reader) {
        this.ranges = ranges;
        this.reader = reader;
    }

    @Override
    public T get(Object key) {
        ByteRange range = ranges.get(key);
        if (range == null) {
            return null;
        }
        return built.computeIfAbsent((String) key, name -> reader.apply(range));
    }

    @Override
    public boolean containsKey(Object key) {
        return ranges.containsKey(key);
    }

    @Override
    public int size() {
        return ranges.size();
    }

    @Override
    public Set<String> keySet() {
        return ranges.keySet();
    }

    @Override
    public Set<Entry<String, T>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, T>> iterator() {
                Iterator<String> names = ranges.keySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, T> next() {
                        String name = names.next();
                        return new SimpleImmutableEntry<>(name, get(name));
                    }
                };
            }

            @Override
            public int size() {
                return ranges.size();
            }
        };
    }
}
