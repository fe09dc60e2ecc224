package dev.sluice.io.parquet;

import com.github.luben.zstd.Zstd;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.airlift.compress.lz4.Lz4Decompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Page compression without Hadoop: parquet-java's own codec factory goes through Hadoop's codec classes, so
 * this one calls snappy-java, zstd-jni, the JDK's gzip and aircompressor's LZ4 directly. Reads
 * uncompressed, snappy, gzip, zstd and lz4_raw pages; writes the first four.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    static final ParquetCodecs INSTANCE = new ParquetCodecs();
    /** parquet-java's default zstd level. */
    private static final int ZSTD_LEVEL = 3;

    private ParquetCodecs() {}

    @Override public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED: case SNAPPY: case GZIP: case ZSTD: return new Compressor(codec);
            default: throw unsupported(codec, "writing");
        }
    }

    @Override public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED: case SNAPPY: case GZIP: case ZSTD: case LZ4_RAW: return new Decompressor(codec);
            default: throw unsupported(codec, "reading");
        }
    }

    @Override public void release() { }

    private static SluiceException unsupported(CompressionCodecName codec, String what) {
        return SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION)
                .with("operation", "The Parquet compression codec " + codec + " for " + what)
                .with("reason", "supported codecs are uncompressed, snappy, gzip, zstd (and lz4_raw for reading)")
                .build();
    }

    private static final class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) { this.codec = codec; }

        @Override public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) return bytes;
            byte[] in = bytes.toByteArray();
            switch (codec) {
                case SNAPPY: return BytesInput.from(Snappy.compress(in));
                case ZSTD: return BytesInput.from(Zstd.compress(in, ZSTD_LEVEL));
                case GZIP: {
                    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, in.length / 2));
                    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                        gz.write(in);
                    }
                    return BytesInput.from(out.toByteArray());
                }
                default: throw unsupported(codec, "writing");
            }
        }

        @Override public CompressionCodecName getCodecName() { return codec; }

        @Override public void release() { }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) { this.codec = codec; }

        @Override public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) return bytes;
            byte[] in = bytes.toByteArray();
            return BytesInput.from(decompress(in, 0, in.length, uncompressedSize));
        }

        @Override public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            byte[] out = codec == CompressionCodecName.UNCOMPRESSED ? in : decompress(in, 0, compressedSize, uncompressedSize);
            output.put(out, 0, uncompressedSize);
        }

        private byte[] decompress(byte[] in, int offset, int length, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            switch (codec) {
                case SNAPPY:
                    Snappy.uncompress(in, offset, length, out, 0);
                    return out;
                case ZSTD: {
                    long n = Zstd.decompressByteArray(out, 0, uncompressedSize, in, offset, length);
                    if (Zstd.isError(n)) throw new IOException("zstd: " + Zstd.getErrorName(n));
                    return out;
                }
                case LZ4_RAW:
                    new Lz4Decompressor().decompress(in, offset, length, out, 0, uncompressedSize);
                    return out;
                case GZIP: {
                    try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(in, offset, length))) {
                        int read = 0;
                        while (read < uncompressedSize) {
                            int n = gz.read(out, read, uncompressedSize - read);
                            if (n < 0) break;
                            read += n;
                        }
                    }
                    return out;
                }
                default: throw unsupported(codec, "reading");
            }
        }

        @Override public void release() { }
    }
}
