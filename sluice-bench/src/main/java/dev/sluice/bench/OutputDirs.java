package dev.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Replacing an output directory, for engines that write single files into it (DuckDB's COPY). */
final class OutputDirs {
    private OutputDirs() {}

    static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }
}
