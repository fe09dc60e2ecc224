package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A directory listed while a write commits into it: one listing may come back halfway through the commit (the
 * pending marker missed, only some of the job's files seen), so a reader lists until two listings agree.
 */
class FileListingRaceTest {
    @TempDir Path dir;

    /** Local storage whose listings of one directory are rewritten, one rewrite per call, while rewrites last. */
    static final class RacingStorage implements Storage {
        final List<UnaryOperator<List<FileStatus>>> rewrites = new ArrayList<>();
        final String racedDir;
        int listings;

        RacingStorage(String racedDir) { this.racedDir = racedDir; }

        @Override public List<FileStatus> list(String directory) {
            List<FileStatus> real = LocalStorage.INSTANCE.list(directory);
            if (!StoragePaths.normalize(directory).equals(StoragePaths.normalize(racedDir))) return real;
            listings++;
            return rewrites.isEmpty() ? real : rewrites.remove(0).apply(real);
        }

        @Override public FileStatus status(String path) { return LocalStorage.INSTANCE.status(path); }
        @Override public boolean exists(String path) { return LocalStorage.INSTANCE.exists(path); }
        @Override public SeekableInputStream open(String path) { return LocalStorage.INSTANCE.open(path); }
        @Override public OutputStream create(String path) { return LocalStorage.INSTANCE.create(path); }
        @Override public void rename(String from, String to) { LocalStorage.INSTANCE.rename(from, to); }
        @Override public boolean deleteRecursively(String path) { return LocalStorage.INSTANCE.deleteRecursively(path); }
        @Override public void mkdirs(String path) { LocalStorage.INSTANCE.mkdirs(path); }
    }

    private List<String> names(List<FileStatus> files) {
        return files.stream().map(FileStatus::name).toList();
    }

    private void touch(String... names) throws IOException {
        for (String n : names) Files.writeString(dir.resolve(n), "{}\n");
    }

    @Test void aListingHalfwayThroughACommitIsListedAgain() throws IOException {
        touch("part-00000-old.c000.json", "part-00000-job1.c000.json", "part-00001-job1.c000.json", "part-00002-job1.c000.json");
        RacingStorage storage = new RacingStorage(dir.toString());
        // the first listing raced job1's last steps: its marker gone from the listing, one of its files not yet seen
        storage.rewrites.add(real -> real.stream().filter(f -> !f.name().equals("part-00002-job1.c000.json")).toList());
        List<FileStatus> files = FileListing.resolve(storage, List.of(dir.toString()), false);
        assertThat(names(files)).containsExactly("part-00000-job1.c000.json", "part-00000-old.c000.json",
                "part-00001-job1.c000.json", "part-00002-job1.c000.json");
        assertThat(storage.listings).isEqualTo(3);
    }

    @Test void aQuietDirectoryIsListedTwice() throws IOException {
        touch("part-00000-old.c000.json", "part-00001-old.c000.json");
        RacingStorage storage = new RacingStorage(dir.toString());
        assertThat(names(FileListing.resolve(storage, List.of(dir.toString()), false)))
                .containsExactly("part-00000-old.c000.json", "part-00001-old.c000.json");
        assertThat(storage.listings).isEqualTo(2);
    }

    @Test void aDirectoryThatNeverHoldsStillIsAWriteConflict() throws IOException {
        touch("part-00000-old.c000.json");
        RacingStorage storage = new RacingStorage(dir.toString());
        for (int i = 0; i < FileListing.MAX_LISTINGS; i++) {
            boolean drop = i % 2 == 0;
            storage.rewrites.add(real -> drop ? List.of() : real);
        }
        assertThatThrownBy(() -> FileListing.resolve(storage, List.of(dir.toString()), false))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.WRITE_CONFLICT))
                .hasMessageContaining(dir.toString()).hasMessageContaining("listings");
    }
}
