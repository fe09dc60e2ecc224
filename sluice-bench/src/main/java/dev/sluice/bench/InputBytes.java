package dev.sluice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The size of a job's input, which chooses its JVM's JIT policy ({@link JvmFlags#jit}). */
final class InputBytes {
    private InputBytes() {}

    /** The bytes of {@code input}: a file's size, or the sum of the regular files under a directory; 0 when missing. */
    static long of(Path input) {
        try {
            if (Files.isRegularFile(input)) return Files.size(input);
            if (!Files.isDirectory(input)) return 0;
            try (Stream<Path> files = Files.walk(input)) {
                return files.filter(Files::isRegularFile).mapToLong(InputBytes::size).sum();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + input, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
