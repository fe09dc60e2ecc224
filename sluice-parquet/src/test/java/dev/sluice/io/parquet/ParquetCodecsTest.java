package dev.sluice.io.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

    /**
     * A snappy page of up to 2 MiB is compressed into its thread's kept buffer (the same array page after page on one
     * thread, another array on another thread); a larger page into an array of its own, and the kept buffer is
     * still right after it. Each page's bytes are snappy's bytes of it alone.
     */
    @Test void snappyPagesUseTheirThreadsBuffers() throws Exception {
        CompressionCodecFactory.BytesInputCompressor snappy = ParquetCodecs.INSTANCE.getCompressor(CompressionCodecName.SNAPPY);
        SplittableRandom random = new SplittableRandom(11);
        byte[] small = bytes(random, 100_000);
        byte[] other = bytes(random, 1_500_000);
        byte[] large = bytes(random, (2 << 20) + 1);
        ByteBuffer first = snappy.compress(BytesInput.from(small)).toByteBuffer();
        assertThat(bytesOf(first)).isEqualTo(Snappy.compress(small));
        ByteBuffer second = snappy.compress(BytesInput.concat(BytesInput.from(other), BytesInput.from(small))).toByteBuffer();
        assertThat(second.array()).isSameAs(first.array());
        assertThat(bytesOf(second)).isEqualTo(Snappy.compress(concat(other, small)));
        ByteBuffer big = snappy.compress(BytesInput.from(large)).toByteBuffer();
        assertThat(big.array()).isNotSameAs(first.array());
        assertThat(bytesOf(big)).isEqualTo(Snappy.compress(large));
        assertThat(bytesOf(snappy.compress(BytesInput.from(small)).toByteBuffer())).isEqualTo(Snappy.compress(small));

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            ByteBuffer elsewhere = pool.submit(() -> snappy.compress(BytesInput.from(other)).toByteBuffer()).get();
            assertThat(elsewhere.array()).isNotSameAs(first.array());
            assertThat(bytesOf(elsewhere)).isEqualTo(Snappy.compress(other));
        } finally {
            pool.shutdownNow();
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

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
