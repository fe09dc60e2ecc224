package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Whole-file compression, chosen by file extension when reading (as Hadoop's codec factory does) and by
 * the {@code compression} option when writing. A compressed file cannot be cut into byte ranges, so it is
 * always read as one split.
 */
public enum Compression {
    NONE(""),
    GZIP(".gz");

    /** Codecs Spark can read that Sluice cannot yet: such files fail clearly instead of parsing as garbage. */
    private static final List<String> UNSUPPORTED = List.of(".zst", ".bz2", ".lz4", ".snappy", ".deflate", ".xz", ".br");
    private static final int GZIP_BUFFER = 64 * 1024;

    private final String extension;

    Compression(String extension) { this.extension = extension; }

    /** What a compressed file's name ends with ({@code .gz}); empty for NONE. */
    public String extension() { return extension; }

    public boolean splittable() { return this == NONE; }

    /** The compression of a file to read, from its name; UNSUPPORTED_OPERATION for a codec not built in. */
    public static Compression forPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(GZIP.extension)) return GZIP;
        for (String ext : UNSUPPORTED) {
            if (lower.endsWith(ext)) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                        .with("operation", "Reading " + path)
                        .with("reason", "files compressed as " + ext + " are not supported yet; "
                                + "decompress it, or recompress it with gzip (.gz)")
                        .build();
            }
        }
        return NONE;
    }

    /** Whether a file must be read whole (compressed, supported or not), without failing for unknown codecs. */
    public static boolean isCompressedName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(GZIP.extension)) return true;
        for (String ext : UNSUPPORTED) if (lower.endsWith(ext)) return true;
        return false;
    }

    /** Parses the writer option {@code compression}: {@code none}/{@code uncompressed} or {@code gzip}. */
    public static Compression fromOption(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> NONE;
            case "gzip", "gz" -> GZIP;
            default -> throw SluiceException.of(ErrorCode.INVALID_OPTION)
                    .with("option", "compression").with("value", value)
                    .with("reason", "supported values are none, uncompressed and gzip")
                    .build();
        };
    }

    /** Decompresses {@code in}; GZIP reads every member of a concatenated (multi-member) file. */
    public InputStream decompress(InputStream in) throws IOException {
        return this == GZIP ? new GZIPInputStream(in, GZIP_BUFFER) : in;
    }

    /** Compresses into {@code out}; closing the result finishes the compressed stream and closes {@code out}. */
    public OutputStream compress(OutputStream out) throws IOException {
        return this == GZIP ? new GZIPOutputStream(out, GZIP_BUFFER) : out;
    }
}
