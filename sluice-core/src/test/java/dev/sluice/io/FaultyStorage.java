package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.OutputStream;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Test storage that fails chosen operations, as a full disk or a lost connection would. */
final class FaultyStorage implements Storage {
    private final Storage inner;
    private volatile BiPredicate<String, String> failRename = (a, b) -> false;
    private volatile Predicate<String> failCreate = p -> false;
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

    FaultyStorage heal() {
        failRename = (a, b) -> false;
        failCreate = p -> false;
        return this;
    }

    int renames() { return renames; }

    private static SluiceException injected(String path) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", "injected failure").build();
    }

    @Override public List<FileStatus> list(String directory) { return inner.list(directory); }
    @Override public FileStatus status(String path) { return inner.status(path); }
    @Override public boolean exists(String path) { return inner.exists(path); }
    @Override public SeekableInputStream open(String path) { return inner.open(path); }
    @Override public boolean deleteRecursively(String path) { return inner.deleteRecursively(path); }
    @Override public void mkdirs(String path) { inner.mkdirs(path); }

    @Override public OutputStream create(String path) {
        if (failCreate.test(path)) throw injected(path);
        return inner.create(path);
    }

    @Override public synchronized void rename(String from, String to) {
        renames++;
        if (failRename.test(from, to)) throw injected(from);
        inner.rename(from, to);
    }
}
