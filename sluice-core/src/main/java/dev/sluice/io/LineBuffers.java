package dev.sluice.io;

import java.util.ArrayDeque;

/**
 * The 1 MiB buffers of one scan's {@link LineReader}s, handed from a closed split's reader to the next one opened.
 * A 1M-row JSON Lines scan reads 15–20 splits, and each reader used to allocate its own buffer: 15–20 MiB of a
 * query's young-generation allocation (a fifth of Q3's), and the buffers live at a collection were copied to the
 * survivor space and promoted. Kept here, a scan allocates as many buffers as it had readers open at once, and they
 * are promoted once.
 * <p>A buffer comes back only from a reader's {@link LineReader#close}, after which the reader reads nothing; a line
 * was never valid past the reader's next call, so nothing may still read a closed reader's buffer. The bytes a new
 * reader finds in a buffer are another split's, as they are its own after its first refill: it reads only what it
 * has filled. Only buffers of {@link LineReader#DEFAULT_BUFFER_SIZE} are kept (a grown buffer was charged to the
 * budget and is dropped), at most as many as readers were open at once, for as long as the scan's source lives.
 * Thread-safe: the readers of a scan's splits run on several workers.
 */
public final class LineBuffers {
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int open;
    private int mostOpen;

    /** A buffer of {@link LineReader#DEFAULT_BUFFER_SIZE} bytes for a reader being opened. */
    synchronized byte[] take() {
        open++;
        mostOpen = Math.max(mostOpen, open);
        byte[] b = free.poll();
        return b != null ? b : new byte[LineReader.DEFAULT_BUFFER_SIZE];
    }

    /** A closed reader's buffer ({@code null}: the reader had none of the pool's size, or it grew). */
    synchronized void give(byte[] buffer) {
        open--;
        if (buffer != null && buffer.length == LineReader.DEFAULT_BUFFER_SIZE && free.size() < mostOpen) free.push(buffer);
    }

    /** How many buffers are kept for the next readers (tests). */
    synchronized int kept() { return free.size(); }
}
