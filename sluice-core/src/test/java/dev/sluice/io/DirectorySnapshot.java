package dev.sluice.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and directory under a root (hidden ones too) with each file's bytes: "byte for byte" equality. */
final class DirectorySnapshot {
    private DirectorySnapshot() {}

    static Map<String, String> of(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(p -> {
                String key = root.relativize(p).toString();
                try {
                    out.put(key, Files.isDirectory(p) ? "<dir>" : Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
