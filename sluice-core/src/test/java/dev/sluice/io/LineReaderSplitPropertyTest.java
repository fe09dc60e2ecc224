package dev.sluice.io;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: cutting a file into splits of any size and reading each split yields every line exactly once,
 * in order. Files are random (empty lines, CRLF, long lines, with or without a final newline); each seed
 * is a reproducible case.
 */
class LineReaderSplitPropertyTest {
    @TempDir Path tmp;

    static LongStream seeds() { return LongStream.range(0, 60); }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyLineExactlyOnceForAnySplitSize(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int lineCount = random.nextInt(0, 80);
        for (int i = 0; i < lineCount; i++) {
            String line = randomLine(random, i);
            expected.add(line);
            text.append(line);
            boolean last = i == lineCount - 1;
            // an empty last line exists only if a newline ends it
            if (!last || line.isEmpty() || random.nextBoolean()) text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        Path p = tmp.resolve("f" + seed + ".txt");
        Files.writeString(p, text.toString());
        FileStatus file = LocalStorage.INSTANCE.status(p.toString());

        List<Long> sizes = new ArrayList<>(List.of(1L, 2L, 3L, file.size(), file.size() + 1));
        for (int i = 0; i < 12; i++) sizes.add((long) random.nextInt(1, (int) file.size() + 2));
        for (long maxSplit : sizes) {
            if (maxSplit <= 0) continue;
            int bufferSize = random.nextInt(1, 64);
            List<String> actual = new ArrayList<>();
            for (FileSplit split : new FileSplitter(maxSplit).split(List.of(file))) {
                try (LineReader r = LineReader.open(LocalStorage.INSTANCE, split, bufferSize)) {
                    while (r.next()) {
                        actual.add(new String(r.buffer(), r.offset(), r.length(), StandardCharsets.UTF_8));
                        assertThat(r.lineNumber()).as("line number").isEqualTo(actual.size());
                    }
                }
            }
            assertThat(actual).as("seed %d, splits of %d bytes, buffer %d", seed, maxSplit, bufferSize)
                    .isEqualTo(expected);
        }
    }

    private static String randomLine(SplittableRandom random, int i) {
        int kind = random.nextInt(10);
        if (kind == 0) return "";
        int length = kind == 1 ? random.nextInt(100, 400) : random.nextInt(1, 12);
        StringBuilder sb = new StringBuilder().append(i).append(':');
        for (int c = 0; c < length; c++) sb.append((char) ('a' + random.nextInt(26)));
        if (random.nextInt(8) == 0) sb.append("é\rz");   // multibyte text, and a CR inside a line is data
        return sb.toString();
    }
}
