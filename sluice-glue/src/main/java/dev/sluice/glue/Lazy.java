package dev.sluice.glue;

import java.util.function.Supplier;

/** A value computed on first use, once (building a DynamicFrame stores these; only actions call them). */
final class Lazy<T> implements Supplier<T> {
    private Supplier<T> compute;
    private volatile T value;

    Lazy(Supplier<T> compute) { this.compute = compute; }

    static <T> Lazy<T> of(Supplier<T> compute) { return new Lazy<>(compute); }

    boolean isComputed() { return value != null; }

    @Override public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = compute.get();
                    compute = null;
                }
                v = value;
            }
        }
        return v;
    }
}
