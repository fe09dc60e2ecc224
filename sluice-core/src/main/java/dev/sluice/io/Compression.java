package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import io.airlift.compress.zstd.ZstdOutputStream;

/**
 * Whole-file compression, chosen by file extension when reading (as Hadoop's codec factory does) and by
 * the {@code compression} option when writing. A compressed file cannot be cut into byte ranges, so it is
 * always read as one split. Zstandard goes through aircompressor's pure-Java streams (no native library in
 * sluice-core); they read concatenated frames and write one frame per file, as the {@code zstd} tool does.
 */
public enum Compression {
    NONE(""),
    GZIP(".gz"),
    /** Written as {@code .zst} (Hadoop's ZStandardCodec extension, which Spark uses); {@code .zstd} is read too. */
    ZSTD(".zst");

    /** Codecs Spark can read that Sluice cannot yet: such files fail clearly instead of parsing as garbage. */
    private static final List<String> UNSUPPORTED = List.of(".bz2", ".lz4", ".snappy", ".deflate", ".xz", ".br");
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
        if (lower.endsWith(ZSTD.extension) || lower.endsWith(".zstd")) return ZSTD;
        for (String ext : UNSUPPORTED) {
            if (lower.endsWith(ext)) {
                throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                        .with("operation", "Reading " + path)
                        .with("reason", "files compressed as " + ext + " are not supported yet; "
                                + "decompress it, or recompress it with gzip (.gz) or zstd (.zst)")
                        .build();
            }
        }
        return NONE;
    }

    /** Whether a file must be read whole (compressed, supported or not), without failing for unknown codecs. */
    public static boolean isCompressedName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(GZIP.extension) || lower.endsWith(ZSTD.extension) || lower.endsWith(".zstd")) return true;
        for (String ext : UNSUPPORTED) if (lower.endsWith(ext)) return true;
        return false;
    }

    /** Parses the writer option {@code compression}: {@code none}/{@code uncompressed}, {@code gzip} or {@code zstd}. */
    public static Compression fromOption(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "none", "uncompressed" -> NONE;
            case "gzip", "gz" -> GZIP;
            case "zstd", "zst" -> ZSTD;
            default -> throw SluiceException.of(ErrorCode.INVALID_OPTION)
                    .with("option", "compression").with("value", value)
                    .with("reason", "supported values are none, uncompressed, gzip and zstd")
                    .build();
        };
    }

    /**
     * Decompresses {@code in}; GZIP reads every member of a concatenated (multi-member) file, ZSTD every frame.
     * A damaged, truncated or trailing-garbage input fails with {@link CorruptCompressedInput} naming the byte
     * offset; readers turn it into CORRUPT_COMPRESSED_FILE with {@link DecompressionErrors}.
     */
    public InputStream decompress(InputStream in) throws IOException {
        switch (this) {
            case GZIP: return new GzipMembersInputStream(in);
            case ZSTD: return new ZstdFramesInputStream(in);
            default: return in;
        }
    }

    /** Compresses into {@code out}; closing the result finishes the compressed stream and closes {@code out}. */
    public OutputStream compress(OutputStream out) throws IOException {
        switch (this) {
            case GZIP: return new GZIPOutputStream(out, GZIP_BUFFER);
            case ZSTD: return new ZstdOutputStream(out);
            default: return out;
        }
    }
}
