package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileListingTest {
    @TempDir Path tmp;
    private final Storage storage = LocalStorage.INSTANCE;

    @BeforeEach void tree() throws IOException {
        for (String f : List.of("d/b.json", "d/a.json", "d/c.txt", "d/_SUCCESS", "d/.a.json.crc", "d/x._COPYING_",
                "d/sub/s.json", "d/sub/deeper/t.json", "d/_tmp/hidden.json", "d/.staging/h.json",
                "d/k=1/p.json", "d/_k=2/q.json",
                "logs/2024/12/x.json", "logs/2025/01/y.json", "logs/2025/02/z.json", "logs/2025/02/z.txt",
                "[weird]/w.json")) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
    }

    private List<String> names(List<FileStatus> files) {
        return files.stream().map(f -> tmp.relativize(Path.of(f.path())).toString()).toList();
    }

    private List<String> resolve(boolean recursive, String... paths) {
        List<String> full = java.util.Arrays.stream(paths).map(p -> tmp + "/" + p).toList();
        return names(FileListing.resolve(storage, full, recursive));
    }

    @Test void aSingleFileIsItself() {
        List<FileStatus> files = FileListing.resolve(storage, tmp + "/d/a.json", false);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).size()).isEqualTo("d/a.json".length());
    }

    /** Spark 4.1 reads only a directory's own files unless its sub-directories are partitions (the old listing descended). */
    @Test void aDirectoryWithoutPartitionsGivesOnlyItsOwnVisibleFilesAsSpark() {
        assertThat(resolve(false, "d/sub")).containsExactly("d/sub/s.json");
        assertThat(resolve(false, "d/sub/")).containsExactly("d/sub/s.json");
        assertThat(resolve(false, "logs")).isEmpty();
    }

    @Test void partitionDirectoriesAreReadAndFilesBesideThemConflict() throws IOException {
        for (String f : List.of("t/year=2025/a.json", "t/year=2026/b.json", "t/year=2026/plain/c.json", "t/_SUCCESS")) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        // a plain directory below the partition directory is looked through, as Spark does
        assertThat(resolve(false, "t")).containsExactly("t/year=2025/a.json", "t/year=2026/b.json", "t/year=2026/plain/c.json");
        Files.writeString(tmp.resolve("t/top.json"), "{}");   // Spark skips it without a word: Sluice refuses
        assertThatThrownBy(() -> resolve(false, "t"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.CONFLICTING_DIRECTORY_STRUCTURES);
        Files.delete(tmp.resolve("t/top.json"));
        Files.createDirectories(tmp.resolve("t/other"));
        Files.writeString(tmp.resolve("t/other/o.json"), "{}");   // another base path: Spark's conflicting structures
        assertThatThrownBy(() -> resolve(false, "t"))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.CONFLICTING_DIRECTORY_STRUCTURES);
        assertThat(resolve(true, "t")).hasSize(4);
    }

    @Test void pathGlobFilterKeepsMatchingFileNames() {
        List<String> full = List.of(tmp + "/d/sub");
        assertThat(names(FileListing.resolve(storage, full, ListingOptions.of(java.util.Map.of("pathGlobFilter", "*.txt"))))).isEmpty();
        assertThat(names(FileListing.resolve(storage, List.of(tmp + "/logs/2025/02"),
                ListingOptions.of(java.util.Map.of("PATHGLOBFILTER", "*.txt"))))).containsExactly("logs/2025/02/z.txt");
    }

    @Test void recursiveLookupDescendsButStillSkipsHiddenDirectories() {
        assertThat(resolve(true, "d")).containsExactly("d/_k=2/q.json", "d/a.json", "d/b.json", "d/c.txt",
                "d/k=1/p.json", "d/sub/deeper/t.json", "d/sub/s.json");
    }

    @Test void aHiddenFileNamedLiterallyIsRead() {
        assertThat(resolve(false, "d/_SUCCESS")).containsExactly("d/_SUCCESS");
    }

    @Test void globsInTheLastSegment() {
        assertThat(resolve(false, "d/*.json")).containsExactly("d/a.json", "d/b.json");
        assertThat(resolve(false, "d/?.t*")).containsExactly("d/c.txt");
        assertThat(resolve(false, "d/[ac].*")).containsExactly("d/a.json", "d/c.txt");
        assertThat(resolve(false, "d/{b,c}.*")).containsExactly("d/b.json", "d/c.txt");
    }

    @Test void wildcardsNeverMatchHiddenNames() {
        // _k=2 holds '=': a partition directory, not hidden; each directory matched is read by Spark's rule
        assertThat(resolve(false, "d/*")).containsExactly("d/_k=2/q.json", "d/a.json", "d/b.json", "d/c.txt",
                "d/k=1/p.json", "d/sub/s.json");
        assertThat(resolve(false, "d/_*")).containsExactly("d/_k=2/q.json");
        assertThatThrownBy(() -> resolve(false, "d/.*"))   // only hidden names: the glob matches nothing
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    }

    @Test void globsInMiddleSegmentsAndDirectoriesMatchedByAGlobAreRead() {
        assertThat(resolve(false, "logs/*/*/*.json"))
                .containsExactly("logs/2024/12/x.json", "logs/2025/01/y.json", "logs/2025/02/z.json");
        assertThat(resolve(false, "logs/2025/*"))
                .containsExactly("logs/2025/01/y.json", "logs/2025/02/z.json", "logs/2025/02/z.txt");
        assertThat(resolve(false, "logs/202[5]/0{1,2}/y.json")).containsExactly("logs/2025/01/y.json");
        assertThat(resolve(false, "logs/{2024/12,2025/02}/*.json"))
                .containsExactly("logs/2024/12/x.json", "logs/2025/02/z.json");
    }

    @Test void escapedWildcardsAreLiteral() {
        assertThat(resolve(false, "\\[weird]/w.json")).containsExactly("[weird]/w.json");
    }

    @Test void severalPathsAreMergedSortedAndDeduplicated() {
        assertThat(resolve(false, "d/b.json", "d/*.json", "d/c.txt"))
                .containsExactly("d/a.json", "d/b.json", "d/c.txt");
    }

    @Test void anEmptyDirectoryGivesNoFiles() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(resolve(false, "empty")).isEmpty();
    }

    @Test void aMissingPathIsPathNotFoundNamingIt() {
        assertThatThrownBy(() -> resolve(false, "d/a.json", "nope.json"))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> {
                    SluiceException s = (SluiceException) e;
                    assertThat(s.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
                    assertThat(s.fact("path")).isEqualTo(tmp + "/nope.json");
                });
    }

    @Test void aGlobMatchingNothingIsPathNotFoundNamingTheGlob() {
        for (String glob : List.of("d/*.csv", "nope/*.json", "logs/*/13/*", "d/a.json/*")) {
            assertThatThrownBy(() -> resolve(false, glob))
                    .satisfies(e -> {
                        SluiceException s = (SluiceException) e;
                        assertThat(s.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
                        assertThat(s.fact("path")).isEqualTo(tmp + "/" + glob);
                    });
        }
    }

    @Test void listsOnlyWhenCalledAndOpensNothing() {
        CountingStorage counting = CountingStorage.local();
        FileListing.resolve(counting, tmp + "/logs/*/*/*.json", false);
        assertThat(counting.totalOpens()).isZero();
        assertThat(counting.bytesRead()).isZero();
    }

    @Test void hiddenNameRule() {
        assertThat(FileListing.isHidden("_SUCCESS")).isTrue();
        assertThat(FileListing.isHidden(".x")).isTrue();
        assertThat(FileListing.isHidden("a._COPYING_")).isTrue();
        assertThat(FileListing.isHidden("_col=1")).isFalse();
        assertThat(FileListing.isHidden("data_1.json")).isFalse();
    }
}
