package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Test storage that fails chosen operations, as a full disk or a lost connection would. */
final class FaultyStorage implements Storage {
    private final Storage inner;
    private volatile BiPredicate<String, String> failRename = (a, b) -> false;
    private volatile Predicate<String> failCreate = p -> false;
    private volatile Predicate<String> failSync = p -> false;
    private volatile CountDownLatch syncGate = new CountDownLatch(0);
    private volatile Predicate<String> heldSync = p -> false;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private volatile int renames;

    FaultyStorage(Storage inner) { this.inner = inner; }

    FaultyStorage failRenameWhen(BiPredicate<String, String> when) {
        this.failRename = when;
        return this;
    }

    FaultyStorage failCreateWhen(Predicate<String> when) {
        this.failCreate = when;
        return this;
    }

    FaultyStorage failSyncWhen(Predicate<String> when) {
        this.failSync = when;
        return this;
    }

    /** The syncs of the paths {@code which} accepts wait for {@code gate} to open. */
    FaultyStorage holdSyncsUntil(CountDownLatch gate, Predicate<String> which) {
        this.syncGate = gate;
        this.heldSync = which;
        return this;
    }

    FaultyStorage heal() {
        failRename = (a, b) -> false;
        failCreate = p -> false;
        failSync = p -> false;
        heldSync = p -> false;
        return this;
    }

    /**
     * The creates, deletes, syncs and renames done so far, in order: {@code "create <path>"}, {@code "delete <path>"},
     * {@code "sync <path>"}, {@code "rename <from> <to>"}.
     */
    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    int renames() { return renames; }

    private static SluiceException injected(String path) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", "injected failure").build();
    }

    @Override public List<FileStatus> list(String directory) { return inner.list(directory); }
    @Override public FileStatus status(String path) { return inner.status(path); }
    @Override public boolean exists(String path) { return inner.exists(path); }
    @Override public SeekableInputStream open(String path) { return inner.open(path); }
    @Override public boolean deleteRecursively(String path) {
        boolean deleted = inner.deleteRecursively(path);
        events.add("delete " + path);
        return deleted;
    }

    @Override public void mkdirs(String path) { inner.mkdirs(path); }

    @Override public OutputStream create(String path) {
        if (failCreate.test(path)) throw injected(path);
        OutputStream out = inner.create(path);
        events.add("create " + path);
        return out;
    }

    @Override public synchronized void rename(String from, String to) {
        renames++;
        if (failRename.test(from, to)) throw injected(from);
        inner.rename(from, to);
        events.add("rename " + from + " " + to);
    }

    @Override public void sync(String path) {
        try {
            if (heldSync.test(path)) syncGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failSync.test(path)) throw injected(path);
        inner.sync(path);
        events.add("sync " + path);
    }
}
