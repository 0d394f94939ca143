package dev.twin.replayer.internal.spec;

import java.util.Objects;
import java.util.function.Supplier;

/** A value computed once on first use, then shared by every thread. */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> supplier;
    private volatile T value;

    public Lazy(Supplier<T> supplier) {
        this.supplier = Objects.requireNonNull(supplier);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = Objects.requireNonNull(supplier.get(), "lazy value");
                    value = result;
                    supplier = null;
                }
            }
        }
        return result;
    }
}
