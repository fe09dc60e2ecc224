package dev.sluice.json;

import java.util.List;

/**
 * The keys the fast JSON scan of one split learnt (the {@link KeyMemo}s of its scanners' trees), handed to the
 * readers of the table's later splits. A reader's memos used to start empty, so the first record of every split
 * missed on each key; by the third split the scanners' largest methods are compiled by C2 from a profile that never
 * saw a miss, so that miss was an uncommon trap that threw the compiled scanners away (a deoptimization per run, the
 * worker back in profiled code until C2 had compiled them again: a third of a short job's C2 time). Starting from
 * the keys an earlier split learnt, a file whose records repeat one layout misses only in the first splits, before
 * anything is compiled.
 * <p>Exact by construction: a reader adopts keys only from a reader of the same layout (schema, options and the
 * from_json calls it evaluates, so the same tree of scan nodes, field for field), and a remembered key is one the
 * full scan accepted, with the field it names; a hit still runs the repeated-key check.
 * <p>Thread-safe: the readers of one scan share an instance; what is published is a copy no one changes.
 */
public final class LearntKeys {
    private record Snapshot(Object layout, KeyMemo[] memos) { }

    private volatile Snapshot snapshot;

    /** Whether keys of {@code layout} have been published. */
    boolean knows(Object layout) {
        Snapshot s = snapshot;
        return s != null && s.layout.equals(layout);
    }

    /** Publishes copies of {@code memos}, the key memos of a reader of {@code layout}. */
    void publish(Object layout, List<KeyMemo> memos) {
        KeyMemo[] copies = new KeyMemo[memos.size()];
        for (int i = 0; i < copies.length; i++) copies[i] = memos.get(i).copy();
        snapshot = new Snapshot(layout, copies);
    }

    /** Fills {@code memos}, the key memos of a new reader of {@code layout}, with the published ones if of that layout. */
    void adopt(Object layout, List<KeyMemo> memos) {
        Snapshot s = snapshot;
        if (s == null || !s.layout.equals(layout)) return;
        for (int i = 0; i < s.memos.length; i++) memos.get(i).copyFrom(s.memos[i]);
    }
}
