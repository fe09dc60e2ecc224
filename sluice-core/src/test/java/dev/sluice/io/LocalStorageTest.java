package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStorageTest {
    private final Storage storage = LocalStorage.INSTANCE;
    @TempDir Path tmp;

    private String path(String relative) { return tmp.resolve(relative).toString(); }

    private void write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test void listsEntriesSortedByNameWithKindAndSize() throws IOException {
        write("d/b.txt", "bb");
        write("d/a.txt", "a");
        write("d/sub/c.txt", "ccc");
        assertThat(storage.list(path("d"))).extracting(FileStatus::name, FileStatus::size, FileStatus::directory)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a.txt", 1L, false),
                        org.assertj.core.groups.Tuple.tuple("b.txt", 2L, false),
                        org.assertj.core.groups.Tuple.tuple("sub", 0L, true));
        assertThat(storage.list(path("d") + "/").get(0).path()).isEqualTo(path("d/a.txt"));
    }

    @Test void listingAMissingDirectoryIsPathNotFound() {
        assertThatThrownBy(() -> storage.list(path("nope")))
                .isInstanceOf(SluiceException.class)
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    }

    @Test void statusReportsSizeAndModificationTime() throws IOException {
        write("f.txt", "hello");
        Files.setLastModifiedTime(tmp.resolve("f.txt"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        FileStatus s = storage.status(path("f.txt"));
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.modificationTime()).isEqualTo(1_700_000_000_000L);
        assertThat(s.directory()).isFalse();
        assertThat(storage.exists(path("f.txt"))).isTrue();
        assertThat(storage.exists(path("g.txt"))).isFalse();
        assertThatThrownBy(() -> storage.status(path("g.txt")))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    }

    @Test void acceptsFileUris() throws IOException {
        write("f.txt", "x");
        assertThat(storage.exists("file://" + path("f.txt"))).isTrue();
        assertThat(storage.exists("file:" + path("f.txt"))).isTrue();
    }

    @Test void opensWithRandomAccess() throws IOException {
        write("f.txt", "0123456789");
        try (SeekableInputStream in = storage.open(path("f.txt"))) {
            assertThat(in.length()).isEqualTo(10);
            in.seek(7);
            assertThat(in.position()).isEqualTo(7);
            assertThat(in.available()).isEqualTo(3);
            assertThat((char) in.read()).isEqualTo('7');
            in.seek(2);
            byte[] b = new byte[3];
            assertThat(in.read(b, 0, 3)).isEqualTo(3);
            assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("234");
            assertThat(in.skip(100)).isEqualTo(5);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test void openingAMissingFileIsPathNotFound() {
        assertThatThrownBy(() -> storage.open(path("nope.json")))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    }

    @Test void createMakesParentsAndRefusesToOverwrite() throws IOException {
        try (OutputStream out = storage.create(path("x/y/z.txt"))) {
            out.write("data".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(tmp.resolve("x/y/z.txt"))).isEqualTo("data");
        assertThatThrownBy(() -> storage.create(path("x/y/z.txt")))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.IO_ERROR);
        assertThat(Files.readString(tmp.resolve("x/y/z.txt"))).isEqualTo("data");
    }

    @Test void renameMovesDirectoriesAndRefusesAnExistingTarget() throws IOException {
        write("a/f.txt", "1");
        Files.createDirectories(tmp.resolve("empty"));
        storage.rename(path("a"), path("b"));
        assertThat(Files.readString(tmp.resolve("b/f.txt"))).isEqualTo("1");
        assertThat(Files.exists(tmp.resolve("a"))).isFalse();
        // POSIX would replace an empty directory silently; Storage refuses
        assertThatThrownBy(() -> storage.rename(path("b"), path("empty")))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.IO_ERROR);
        assertThat(Files.exists(tmp.resolve("b/f.txt"))).isTrue();
        assertThatThrownBy(() -> storage.rename(path("nope"), path("c")))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    }

    @Test void deletesRecursivelyWithoutFollowingLinks() throws IOException {
        write("keep/k.txt", "k");
        write("d/e/f.txt", "f");
        Files.createSymbolicLink(tmp.resolve("d/link"), tmp.resolve("keep"));
        assertThat(storage.deleteRecursively(path("d"))).isTrue();
        assertThat(Files.exists(tmp.resolve("d"))).isFalse();
        assertThat(Files.readString(tmp.resolve("keep/k.txt"))).isEqualTo("k");
        assertThat(storage.deleteRecursively(path("d"))).isFalse();
    }

    @Test void mkdirsIsIdempotent() {
        storage.mkdirs(path("p/q/r"));
        storage.mkdirs(path("p/q/r"));
        assertThat(Files.isDirectory(tmp.resolve("p/q/r"))).isTrue();
    }
}
