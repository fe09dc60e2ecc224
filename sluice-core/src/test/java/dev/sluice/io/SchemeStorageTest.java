package dev.sluice.io;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session's storage routes each path by its URI scheme; a storage without atomic rename must bring its own committer. */
class SchemeStorageTest {
    @TempDir Path dir;

    @Test void schemesAreFoundInPaths() {
        assertThat(SchemeStorage.scheme("/data/logs")).isNull();
        assertThat(SchemeStorage.scheme("logs/a.json")).isNull();
        assertThat(SchemeStorage.scheme("file:///data")).isNull();
        assertThat(SchemeStorage.scheme("C:/data")).isNull();
        assertThat(SchemeStorage.scheme("S3://bucket/key")).isEqualTo("s3");
        assertThat(SchemeStorage.scheme("s3a://bucket/key")).isEqualTo("s3a");
    }

    @Test void pathsGoToTheStorageOfTheirScheme() throws Exception {
        CountingStorage local = CountingStorage.local();
        CountingStorage mem = CountingStorage.local();   // stands in for another scheme's storage
        SchemeStorage storage = new SchemeStorage(local, Map.of("mem", mem), Map.of(), Map.of());
        storage.exists(dir.toString());
        assertThat(local.statusCalls()).isEqualTo(1);
        assertThat(storage.forPath("mem://x/y")).isSameAs(mem);
        assertThat(storage.forPath(dir.toString())).isSameAs(local);
        assertThatThrownBy(() -> storage.exists("gs://bucket/x")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        assertThatThrownBy(() -> storage.rename(dir.toString(), "mem://x")).isInstanceOfSatisfying(SluiceException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR));
        try (OutputStream out = storage.create(dir.resolve("f").toString())) {
            out.write(1);
        }
        assertThat(local.creates()).isEqualTo(1);
    }

    /** Local storage whose renames are declared non-atomic and which supplies no committer. */
    private static final class NoAtomicRename extends ForwardingStorage {
        NoAtomicRename() { super(LocalStorage.INSTANCE); }

        @Override public boolean atomicRename() { return false; }
    }

    @Test void aStorageWithoutAtomicRenameAndNoCommitterIsRefusedForWrites() {
        StructType schema = StructType.fromDDL("a INT");
        try (Sluice sluice = Sluice.builder().storage(new NoAtomicRename()).build()) {
            assertThatThrownBy(() -> sluice.createDataFrame(List.of(Row.of(schema, 1)), schema).write().json(dir.resolve("out").toString()))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** Passes every call on. */
    private static class ForwardingStorage implements Storage {
        private final Storage inner;

        ForwardingStorage(Storage inner) { this.inner = inner; }

        @Override public List<FileStatus> list(String directory) { return inner.list(directory); }
        @Override public FileStatus status(String path) { return inner.status(path); }
        @Override public boolean exists(String path) { return inner.exists(path); }
        @Override public SeekableInputStream open(String path) { return inner.open(path); }
        @Override public OutputStream create(String path) { return inner.create(path); }
        @Override public void rename(String from, String to) { inner.rename(from, to); }
        @Override public boolean deleteRecursively(String path) { return inner.deleteRecursively(path); }
        @Override public void mkdirs(String path) { inner.mkdirs(path); }
    }
}
