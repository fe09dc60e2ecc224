package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** The coded errors of this package, so every storage failure names its path the same way. */
final class IoErrors {
    private IoErrors() {}

    static SluiceException notFound(String path) {
        return SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).build();
    }

    static SluiceException io(String path, String reason) {
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", reason).build();
    }

    /** Maps a JDK I/O failure on {@code path}; a missing file becomes PATH_NOT_FOUND. */
    static SluiceException io(String path, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return SluiceException.of(ErrorCode.PATH_NOT_FOUND).with("path", path).cause(e).build();
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return SluiceException.of(ErrorCode.IO_ERROR).with("path", path).with("reason", reason).cause(e).build();
    }

    static SluiceException io(String path, UncheckedIOException e) { return io(path, e.getCause()); }
}
