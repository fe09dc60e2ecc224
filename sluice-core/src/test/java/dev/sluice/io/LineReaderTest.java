package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineReaderTest {
    @TempDir Path tmp;
    private final CountingStorage storage = CountingStorage.local();

    private FileStatus file(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return storage.status(p.toString());
    }

    private FileStatus file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> readAll(Storage storage, FileSplit split, int bufferSize) {
        List<String> lines = new ArrayList<>();
        try (LineReader r = LineReader.open(storage, split, bufferSize)) {
            while (r.next()) lines.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8));
        }
        return lines;
    }

    private List<String> readAll(FileStatus f) { return readAll(storage, FileSplit.whole(f), 1 << 20); }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Lines read by finding each newline in the buffered bytes and handing it over, next() only when none is buffered. */
    private static List<String> readAllTaking(Storage storage, FileSplit split, int bufferSize) {
        List<String> lines = new ArrayList<>();
        try (LineReader r = LineReader.open(storage, split, bufferSize)) {
            while (true) {
                if (r.hasUnread()) {
                    int newline = ByteSearch.indexOf(r.buffer(), r.unreadStart(), r.unreadEnd(), (byte) '\n');
                    if (newline >= 0 || r.unreadEndsInput()) {
                        r.takeLine(newline >= 0 ? newline : r.unreadEnd());
                        lines.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8) + "@" + r.lineNumber());
                        continue;
                    }
                }
                if (!r.next()) break;
                lines.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8) + "@" + r.lineNumber());
            }
        }
        return lines;
    }

    @Test void linesHandedOverByTheCallerAreTheLinesNextFinds() throws IOException {
        String text = "one\ntwo\r\n\n\nfour\r\r\n  \nsix\rseven\n" + "x".repeat(300) + "\nlast\r";
        FileStatus f = file("t.txt", text);
        for (int buffer : new int[] {1, 3, 7, 64, 1 << 20}) {
            for (long cut : new long[] {0, 1, 4, 5, 9, 10, 20, 100, text.length()}) {
                List<String> expected = new ArrayList<>();
                List<String> taken = new ArrayList<>();
                for (FileSplit split : cut == 0 ? List.of(FileSplit.whole(f)) : List.of(
                        new FileSplit(f.path(), 0, cut, f.size()), new FileSplit(f.path(), cut, f.size() - cut, f.size()))) {
                    try (LineReader r = LineReader.open(storage, split, buffer)) {
                        while (r.next()) expected.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8) + "@" + r.lineNumber());
                    }
                    taken.addAll(readAllTaking(storage, split, buffer));
                }
                assertThat(taken).as("buffer " + buffer + ", cut " + cut).isEqualTo(expected);
            }
        }
    }

    @Test void aLineEndThatIsNotTheNextNewlineIsRefused() throws IOException {
        try (LineReader r = LineReader.open(storage, FileSplit.whole(file("r.txt", "ab\ncd\nef")), 1 << 20)) {
            assertThat(r.hasUnread()).isFalse();   // nothing buffered before the first next()
            assertThat(r.next()).isTrue();
            assertThat(r.hasUnread()).isTrue();
            assertThat(r.unreadStart()).isEqualTo(3);
            assertThatThrownBy(() -> r.takeLine(4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> r.takeLine(r.unreadEnd() + 1)).isInstanceOf(IllegalArgumentException.class);
            r.takeLine(5);
            assertThat(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8)).isEqualTo("cd");
            assertThat(r.lineNumber()).isEqualTo(2);
            assertThat(r.unreadEndsInput()).isFalse();   // the input's end is not known until a read says so
            assertThatThrownBy(() -> r.takeLine(r.unreadEnd())).isInstanceOf(IllegalArgumentException.class);
            assertThat(r.next()).isTrue();
            assertThat(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8)).isEqualTo("ef");
            assertThat(r.next()).isFalse();
            assertThat(r.hasUnread()).isFalse();
        }
    }

    @Test void readsLfAndCrLfLinesAndALastLineWithoutNewline() throws IOException {
        assertThat(readAll(file("a.txt", "one\ntwo\r\n\nfour\r\nfive"))).containsExactly("one", "two", "", "four", "five");
        assertThat(readAll(file("b.txt", "x\n"))).containsExactly("x");
        assertThat(readAll(file("c.txt", "x\r"))).containsExactly("x");
        assertThat(readAll(file("d.txt", "\n"))).containsExactly("");
        assertThat(readAll(file("e.txt", "a\rb\n"))).containsExactly("a\rb");   // a lone CR is data
    }

    @Test void anEmptyFileHasNoLines() throws IOException {
        assertThat(readAll(file("empty.txt", ""))).isEmpty();
    }

    @Test void linesLongerThanTheBufferAreWhole() throws IOException {
        String longLine = "x".repeat(100_000);
        FileStatus f = file("long.txt", "a\n" + longLine + "\r\nb\n" + longLine);
        assertThat(readAll(storage, FileSplit.whole(f), 16)).containsExactly("a", longLine, "b", longLine);
    }

    @Test void aSplitOwnsTheLinesStartingInsideIt() throws IOException {
        // offsets:  0:"aaa\n" 4:"bb\n" 7:"c\n" 9:"dddd"
        FileStatus f = file("s.txt", "aaa\nbb\nc\ndddd");
        assertThat(readAll(storage, new FileSplit(f.path(), 0, 4, 13), 16)).containsExactly("aaa");
        assertThat(readAll(storage, new FileSplit(f.path(), 0, 5, 13), 16)).containsExactly("aaa", "bb");
        assertThat(readAll(storage, new FileSplit(f.path(), 4, 3, 13), 16)).containsExactly("bb");
        assertThat(readAll(storage, new FileSplit(f.path(), 5, 2, 13), 16)).isEmpty();
        assertThat(readAll(storage, new FileSplit(f.path(), 5, 3, 13), 16)).containsExactly("c");
        assertThat(readAll(storage, new FileSplit(f.path(), 8, 5, 13), 16)).containsExactly("dddd");
        assertThat(readAll(storage, new FileSplit(f.path(), 12, 1, 13), 16)).isEmpty();
    }

    @Test void reportsLineNumbersAndOffsetsInTheWholeFile() throws IOException {
        FileStatus f = file("n.txt", "l1\nl2\r\nl3\nl4\nl5");   // l3 at 7, l4 at 10, l5 at 13; 15 bytes
        try (LineReader r = LineReader.open(storage, new FileSplit(f.path(), 5, 9, 15))) {
            assertThat(r.next()).isTrue();
            assertThat(r.lineOffsetInFile()).isEqualTo(7);
            assertThat(r.lineNumber()).isEqualTo(3);
            assertThat(r.next()).isTrue();
            assertThat(r.lineNumber()).isEqualTo(4);
            assertThat(r.location()).isEqualTo(f.path() + ":4");
            assertThat(r.next()).isTrue();
            assertThat(r.lineNumber()).isEqualTo(5);
            assertThat(r.next()).isFalse();
        }
        try (LineReader r = LineReader.open(storage, FileSplit.whole(f))) {
            r.next();
            r.next();
            assertThat(r.lineNumber()).isEqualTo(2);
            assertThat(r.lineOffsetInFile()).isEqualTo(3);
        }
    }

    @Test void lineNumbersCostNothingUntilAsked() throws IOException {
        FileStatus f = file("lazy.txt", "a\nb\nc\nd\n");
        try (LineReader r = LineReader.open(storage, new FileSplit(f.path(), 4, 4, 8))) {
            while (r.next()) { /* read everything */ }
        }
        assertThat(storage.opens(f.path())).isEqualTo(1);
    }

    @Test void readsTheWholeSplitOnceAndCountsBytes() throws IOException {
        FileStatus f = file("bytes.txt", "0123456789\n".repeat(1000));
        try (LineReader r = LineReader.open(storage, FileSplit.whole(f))) {
            while (r.next()) { /* drain */ }
            assertThat(r.bytesRead()).isEqualTo(f.size());
            assertThat(r.linesRead()).isEqualTo(1000);
        }
        assertThat(storage.bytesRead()).isEqualTo(f.size());
    }

    @Test void aSplitReadsLittleBeyondItsEnd() throws IOException {
        FileStatus f = file("big.txt", "0123456789\n".repeat(100_000));   // 1.1 MB
        try (LineReader r = LineReader.open(storage, new FileSplit(f.path(), 0, 100_000, f.size()))) {
            while (r.next()) { /* drain */ }
            assertThat(r.bytesRead()).isLessThanOrEqualTo(100_000 + 64 * 1024);
        }
    }

    @Test void closingReleasesTheFileEvenWhenNotDrained() throws IOException {
        FileStatus f = file("c.txt", "a\nb\nc\n");
        LineReader r = LineReader.open(storage, FileSplit.whole(f));
        r.next();
        assertThat(storage.openStreams()).isEqualTo(1);
        r.close();
        assertThat(storage.openStreams()).isZero();
        assertThat(r.next()).isFalse();
        r.close();   // twice is harmless
    }

    @Test void readsGzipFilesWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) text.append("line ").append(i).append('\n');
        FileStatus f = file("data.jsonl.gz", gzip(text.toString()));
        List<String> lines = readAll(storage, FileSplit.whole(f), 1024);
        assertThat(lines).hasSize(50_000);
        assertThat(lines.get(49_999)).isEqualTo("line 49999");
        try (LineReader r = LineReader.open(storage, FileSplit.whole(f))) {
            for (int i = 0; i < 123; i++) r.next();
            assertThat(r.lineNumber()).isEqualTo(123);
            while (r.next()) { /* drain */ }
            assertThat(r.bytesRead()).isEqualTo(f.size());
        }
    }

    @ParameterizedTest(name = "reads of at most {0} bytes")
    @ValueSource(ints = {1, 7, 100_000})
    void readsEveryMemberOfAMultiMemberGzipFile(int maxRead) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(gzip("a\nb\n"));
        bytes.write(gzip("c\nd"));   // the line continues across members
        bytes.write(gzip("e\n"));
        FileStatus f = file("multi.gz", bytes.toByteArray());
        Storage trickle = new TrickleStorage(LocalStorage.INSTANCE, maxRead);
        assertThat(readAll(trickle, FileSplit.whole(f), 16)).containsExactly("a", "b", "c", "de");
    }

    @Test void aCorruptGzipFileIsACodedErrorNamingIt() throws IOException {
        byte[] good = gzip("hello\n".repeat(1000));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        FileStatus f = file("bad.gz", truncated);
        assertThatThrownBy(() -> readAll(f))
                .isInstanceOf(SluiceException.class)
                .satisfies(e -> {
                    assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.CORRUPT_COMPRESSED_FILE);
                    assertThat(((SluiceException) e).fact("path")).isEqualTo(f.path());
                    assertThat(((SluiceException) e).fact("offset")).isEqualTo(String.valueOf(truncated.length));
                });
        assertThat(storage.openStreams()).isZero();
    }

    @Test void anUnsupportedCodecFailsClearly() throws IOException {
        FileStatus f = file("data.json.bz2", "not really bzip2");
        assertThatThrownBy(() -> readAll(f))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
        assertThat(storage.totalOpens()).isZero();
    }

    @Test void aMissingFileIsPathNotFound() {
        FileSplit split = new FileSplit(tmp.resolve("gone.txt").toString(), 0, 10, 10);
        assertThatThrownBy(() -> LineReader.open(storage, split))
                .extracting(e -> ((SluiceException) e).code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    }
}
