package dev.sluice.exec;

import java.util.Iterator;

/** An iterator holding resources (files, running tasks) until closed. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override void close();
}
