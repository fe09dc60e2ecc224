package dev.sluice.io.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each page's compressed bytes are snappy's bytes of that page alone (pages of parts, larger and smaller than the one
 * before, empty; a compressor that reused buffers across pages must keep this), and every codec round-trips.
 */
class ParquetCodecsTest {
    @Test void reusedBuffersGiveEachPageItsOwnBytes() throws IOException {
        CompressionCodecFactory.BytesInputCompressor snappy = ParquetCodecs.INSTANCE.getCompressor(CompressionCodecName.SNAPPY);
        SplittableRandom random = new SplittableRandom(9);
        for (int page = 0; page < 60; page++) {
            int length = page % 7 == 0 ? 0 : random.nextInt(page % 3 == 0 ? 2_000_000 : 3_000);
            byte[] a = bytes(random, length / 3);
            byte[] b = bytes(random, length - length / 3);
            BytesInput parts = BytesInput.concat(BytesInput.from(a), BytesInput.fromInt(length), BytesInput.from(b));
            byte[] whole = parts.toByteArray();
            assertThat(snappy.compress(parts).toByteArray()).as("page %d of %d bytes", page, length)
                    .isEqualTo(Snappy.compress(whole));
        }
    }

    @Test void everyWrittenCodecRoundTrips() throws IOException {
        SplittableRandom random = new SplittableRandom(10);
        for (CompressionCodecName codec : new CompressionCodecName[] {CompressionCodecName.UNCOMPRESSED,
                CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD}) {
            CompressionCodecFactory.BytesInputCompressor compressor = ParquetCodecs.INSTANCE.getCompressor(codec);
            CompressionCodecFactory.BytesInputDecompressor decompressor = ParquetCodecs.INSTANCE.getDecompressor(codec);
            for (int length : new int[] {100_000, 10, 0, 300_000, 5}) {
                byte[] page = bytes(random, length);
                byte[] compressed = compressor.compress(BytesInput.from(page)).toByteArray();
                assertThat(decompressor.decompress(BytesInput.from(compressed), length).toByteArray())
                        .as("%s %d", codec, length).isEqualTo(page);
            }
        }
    }

    /** Compressible bytes: runs of a few symbols. */
    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; ) {
            byte symbol = (byte) random.nextInt(12);
            int run = Math.min(length - i, 1 + random.nextInt(9));
            Arrays.fill(out, i, i + run, symbol);
            i += run;
        }
        return out;
    }
}
