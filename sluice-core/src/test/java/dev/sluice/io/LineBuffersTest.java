package dev.sluice.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Line readers that hand their buffers on ({@link LineBuffers}) read exactly what readers with buffers of their own read. */
class LineBuffersTest {
    @TempDir Path tmp;
    private final CountingStorage storage = CountingStorage.local();

    /** About 5 MiB of lines of 0 to 3,000 bytes, each naming its number, so a line read from stale bytes shows. */
    private FileStatus linesFile() throws IOException {
        Random random = new Random(13);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 5 << 20; i++) {
            text.append("line ").append(i).append(' ');
            int n = random.nextInt(3_000);
            for (int k = 0; k < n; k++) text.append((char) ('a' + random.nextInt(26)));
            text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        Path p = tmp.resolve("lines.txt");
        Files.write(p, text.toString().getBytes(StandardCharsets.UTF_8));
        return storage.status(p.toString());
    }

    private static List<FileSplit> splits(FileStatus f, long size) {
        List<FileSplit> splits = new ArrayList<>();
        for (long start = 0; start < f.size(); start += size) {
            splits.add(new FileSplit(f.path(), start, Math.min(size, f.size() - start), f.size()));
        }
        return splits;
    }

    private static void readInto(LineReader r, List<String> lines) {
        while (r.next()) lines.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8));
    }

    @Test
    void splitsReadOneAfterAnotherThroughOneBufferReadAsWithBuffersOfTheirOwn() throws IOException {
        FileStatus f = linesFile();
        List<String> expected = new ArrayList<>();
        for (FileSplit s : splits(f, 1_300_000)) {
            try (LineReader r = LineReader.open(storage, s)) {
                readInto(r, expected);
            }
        }
        LineBuffers buffers = new LineBuffers();
        List<String> lines = new ArrayList<>();
        byte[] first = null;
        for (FileSplit s : splits(f, 1_300_000)) {
            try (LineReader r = LineReader.open(storage, s, buffers)) {
                if (s.length() >= LineReader.DEFAULT_BUFFER_SIZE) {   // a shorter split gets a buffer of its size
                    if (first == null) first = r.buffer();
                    assertThat(r.buffer()).as("the closed reader's buffer, full of its bytes").isSameAs(first);
                }
                readInto(r, lines);
            }
        }
        assertThat(lines).hasSize(expected.size()).isEqualTo(expected);
        assertThat(buffers.kept()).isEqualTo(1);
    }

    @Test
    void readersOpenAtOnceNeverShareABufferAndAsManyAreKept() throws IOException {
        FileStatus f = linesFile();
        List<FileSplit> splits = splits(f, 1_100_000);
        LineBuffers buffers = new LineBuffers();
        List<String> expected = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i + 1 < splits.size(); i += 2) {   // two splits at a time, their lines interleaved
            try (LineReader a = LineReader.open(storage, splits.get(i), buffers);
                 LineReader b = LineReader.open(storage, splits.get(i + 1), buffers)) {
                assertThat(a.buffer()).isNotSameAs(b.buffer());
                List<String> fromA = new ArrayList<>();
                List<String> fromB = new ArrayList<>();
                boolean more = true;
                while (more) {
                    more = false;
                    if (a.next()) { fromA.add(new String(a.buffer(), a.offset(), a.length(), StandardCharsets.UTF_8)); more = true; }
                    if (b.next()) { fromB.add(new String(b.buffer(), b.offset(), b.length(), StandardCharsets.UTF_8)); more = true; }
                }
                lines.addAll(fromA);
                lines.addAll(fromB);
            }
            for (int k = i; k <= i + 1; k++) {
                try (LineReader r = LineReader.open(storage, splits.get(k))) {
                    readInto(r, expected);
                }
            }
        }
        assertThat(lines).isEqualTo(expected);
        assertThat(buffers.kept()).isEqualTo(2);
    }

    @Test
    void aBufferGrownForALongLineIsNotKept() throws IOException {
        Path p = tmp.resolve("long.txt");
        String longLine = "x".repeat(LineReader.DEFAULT_BUFFER_SIZE + 10);
        Files.write(p, ("short\n" + longLine + "\nlast\n").getBytes(StandardCharsets.UTF_8));
        FileStatus f = storage.status(p.toString());
        LineBuffers buffers = new LineBuffers();
        List<String> lines = new ArrayList<>();
        try (LineReader r = LineReader.open(storage, FileSplit.whole(f), buffers)) {
            readInto(r, lines);
        }
        assertThat(lines).containsExactly("short", longLine, "last");
        assertThat(buffers.kept()).isZero();
    }
}
