package dev.sluice.json;

import java.util.List;

/**
 * The keys the fast JSON scan of one split learnt (the {@link KeyMemo}s of its scanners' trees), and the sizes its
 * string columns' buffers grew to, handed to the readers of the table's later splits. A reader's memos used to start
 * empty, so the first record of every split missed on each key; by the third split the scanners' largest methods are
 * compiled by C2 from a profile that never saw a miss, so that miss was an uncommon trap that threw the compiled
 * scanners away (a deoptimization per run, the worker back in profiled code until C2 had compiled them again: a third
 * of a short job's C2 time). Starting from the keys an earlier split learnt, a file whose records repeat one layout
 * misses only in the first splits, before anything is compiled. The buffers likewise: a string column's buffer starts
 * small, and the first string a scanner decodes reserves {@link JsonValueSkipper#LINE_STRING_ROOM} in it, so every
 * split's first strings grew it (twice); the first split's growth ran before the scanners were profiled, and the next
 * split's growth was an uncommon trap in C2's code of {@code EscapedJsonScanner.readObject} (Q3: in 17 of 21 runs at
 * load). A later split's string columns start at the size the first split's grew to (at most
 * {@link #MAX_ADOPTED_BYTES}).
 * <p>Exact by construction: a reader adopts keys only from a reader of the same layout (schema, options and the
 * from_json calls it evaluates, so the same tree of scan nodes, field for field), and a remembered key is one the full
 * scan accepted, with the field it names; a hit still runs the repeated-key check. A buffer's size changes no value.
 * <p>Thread-safe: the readers of one scan share an instance; what is published is a copy no one changes.
 */
public final class LearntKeys {
    /** A larger buffer is not handed on: one split's long strings need not cost every later batch as much. */
    static final int MAX_ADOPTED_BYTES = 1 << 18;

    private record Snapshot(Object layout, KeyMemo[] memos, int[] stringBytes) { }

    private volatile Snapshot snapshot;

    /** Whether keys of {@code layout} have been published. */
    boolean knows(Object layout) {
        Snapshot s = snapshot;
        return s != null && s.layout.equals(layout);
    }

    /**
     * Publishes copies of {@code memos}, the key memos of a reader of {@code layout}, and the buffer sizes of
     * {@code strings}, its scanners' string columns.
     */
    void publish(Object layout, List<KeyMemo> memos, List<ScalarParsers.StringParser> strings) {
        KeyMemo[] copies = new KeyMemo[memos.size()];
        for (int i = 0; i < copies.length; i++) copies[i] = memos.get(i).copy();
        int[] bytes = new int[strings.size()];
        for (int i = 0; i < bytes.length; i++) bytes[i] = strings.get(i).data.length;
        snapshot = new Snapshot(layout, copies, bytes);
    }

    /**
     * Fills {@code memos}, the key memos of a new reader of {@code layout}, with the published ones if of that layout,
     * and grows the buffers of {@code strings}, its scanners' string columns, to the published sizes.
     */
    void adopt(Object layout, List<KeyMemo> memos, List<ScalarParsers.StringParser> strings) {
        Snapshot s = snapshot;
        if (s == null || !s.layout.equals(layout)) return;
        for (int i = 0; i < s.memos.length; i++) memos.get(i).copyFrom(s.memos[i]);
        for (int i = 0; i < s.stringBytes.length; i++) {
            ScalarParsers.StringParser string = strings.get(i);
            string.ensureBytes(Math.min(s.stringBytes[i], MAX_ADOPTED_BYTES) - string.dataSize);
        }
    }
}
