package io.jtelegraf.inputs.ipvs.netlink;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A read-only list view over a pool of mutable holders. Clearing keeps the holders, so a dump
 * that lists the same servers as the previous one allocates nothing. Not thread-safe.
 */
final class ReusableList<T> extends AbstractList<T> {
    private final List<T> pool = new ArrayList<>();
    private final Supplier<T> factory;
    private int size;

    ReusableList(Supplier<T> factory) {
        this.factory = factory;
    }

    /** The next holder, taken from the pool or created; it now counts as an element. */
    T append() {
        if (size == pool.size()) {
            pool.add(factory.get());
        }
        return pool.get(size++);
    }

    /** Forgets the element added last (its holder stays in the pool). */
    void dropLast() {
        size--;
    }

    @Override
    public void clear() {
        size = 0;
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return pool.get(index);
    }

    @Override
    public int size() {
        return size;
    }
}
