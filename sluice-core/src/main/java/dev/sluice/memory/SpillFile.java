package dev.sluice.memory;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One spill file: a sequence of blocks, each one batch in {@link BatchCodec}'s columnar form compressed with
 * LZ4 ({@code [raw length][compressed length][rows][bytes]}), or stored as encoded when LZ4 shrinks it by less than a
 * quarter (then the two lengths are equal; a compressed block is always shorter). Written once, then read as often as needed from the
 * start or from any block; {@link #delete} removes it. Not thread-safe: one owner at a time.
 */
public final class SpillFile implements AutoCloseable {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int BUFFER = 16 * 1024;   // small: an operator may write to many partition files at once
    /** The write buffer of a file whose writer hands it batches as they come (exchange buckets, sort runs). */
    static final int DEFAULT_WRITE_BUFFER = BUFFER;
    private static final int HEADER = 12;           // raw length, compressed length, rows
    /**
     * After a block that LZ4 shrank by less than a quarter, this many blocks of the file are stored as encoded without
     * trying (then it tries again): data such as random hex ids or doubles barely compresses (M2's and M4's blocks,
     * request ids and latencies, to 84%), and compressing it cost more CPU than writing and reading the rest.
     */
    static final int STORED_AFTER_INCOMPRESSIBLE = 15;
    /**
     * Per-thread encode and compress buffers, kept while they stay this small (larger blocks are rare), and below
     * half a G1 region ({@link HeapRegions}).
     */
    private static final int KEEP_SCRATCH = (int) Math.min(1 << 20, HeapRegions.BUFFER_LIMIT);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Path path;
    private final int writeBuffer;
    private final SpillManager manager;
    private final SpillListener listener;
    // each block's offset and rows, in primitive arrays grown by half again (12 bytes a block; boxed lists took about 40)
    private long[] blockOffsets = new long[8];
    private int[] blockRows = new int[8];
    private int blocks;
    private int maxBlockRows;
    private int maxBlockRawBytes;
    private OutputStream out;
    /** Blocks still to be stored without compression since the last one LZ4 barely shrank. */
    private int storedBlocksLeft;
    /** False: every block is stored as encoded ({@link #storeUncompressed}). */
    private boolean compress = true;
    private long size;
    private long rows;
    private boolean written;
    private boolean deleted;

    SpillFile(Path path, SpillManager manager, SpillListener listener, int writeBuffer) {
        this.path = path;
        this.writeBuffer = writeBuffer;
        this.manager = manager;
        this.listener = listener;
    }

    public Path path() { return path; }

    /**
     * Stores every block of this file as encoded, without trying LZ4: for data written and read back once or twice
     * soon after (an external sort's runs), where compressing costs more CPU than writing and reading the larger
     * blocks through the page cache (docs/benchmark.md, sort session). Call before the first write.
     */
    public SpillFile storeUncompressed() {
        compress = false;
        return this;
    }

    /**
     * Appends one batch as a block; empty batches are skipped. The block is encoded and compressed in buffers
     * reused by the writing thread and written with one call. A batch larger than {@link HeapRegions#BLOCK_LIMIT}
     * (under G1 only) is written as several blocks of consecutive rows, so that no buffer is a humongous allocation.
     */
    public void write(Batch batch) { write(batch, HeapRegions.BLOCK_LIMIT); }

    /**
     * As {@link #write(Batch)}, cutting blocks at {@code blockLimit} estimated bytes (and at least where
     * {@link HeapRegions#BLOCK_LIMIT} would): a sorted run keeps its blocks small, so that a merge reading many
     * runs at once holds one small block of each.
     */
    public void write(Batch batch, long blockLimit) {
        blockLimit = Math.min(blockLimit, HeapRegions.BLOCK_LIMIT);
        int n = batch.rowCount();
        if (n == 0) return;
        if (blockLimit != Long.MAX_VALUE && n > 1) {
            long estimate = dev.sluice.vector.BatchSizes.estimate(batch);
            if (estimate > blockLimit) {
                int pieces = (int) Math.min(n, (estimate + blockLimit - 1) / blockLimit);
                int per = (n + pieces - 1) / pieces;
                for (int from = 0; from < n; from += per) writeBlock(batch.slice(from, Math.min(per, n - from)));
                return;
            }
        }
        writeBlock(batch);
    }

    private void writeBlock(Batch batch) {
        long start = System.nanoTime();
        try {
            if (out == null) {
                OutputStream file = Files.newOutputStream(path, StandardOpenOption.APPEND);
                out = writeBuffer > 0 ? new BufferedOutputStream(file, writeBuffer) : file;
            }
            Scratch scratch = SCRATCH.get();
            int rawLength = BatchCodec.encode(batch, scratch.raw);
            int bound = HEADER + Math.max(rawLength, scratch.compressor.maxCompressedLength(rawLength));
            byte[] block = scratch.block.length >= bound ? scratch.block : new byte[bound];
            int n = -1;
            if (!compress) {
                // stored, as asked
            } else if (storedBlocksLeft > 0) {
                storedBlocksLeft--;
            } else {
                n = scratch.compressor.compress(scratch.raw.array(), 0, rawLength, block, HEADER, block.length - HEADER);
                if (n > rawLength - rawLength / 4) {
                    n = -1;
                    storedBlocksLeft = STORED_AFTER_INCOMPRESSIBLE;
                }
            }
            if (n < 0) {
                // stored as encoded: a compressed length equal to the raw length says so to the reader
                System.arraycopy(scratch.raw.array(), 0, block, HEADER, rawLength);
                n = rawLength;
            }
            INT.set(block, 0, rawLength);
            INT.set(block, 4, n);
            INT.set(block, 8, batch.rowCount());
            out.write(block, 0, HEADER + n);
            if (block != scratch.block && block.length <= KEEP_SCRATCH) scratch.block = block;
            scratch.raw.trim(KEEP_SCRATCH);
            if (blocks == blockOffsets.length) {
                int capacity = blocks + (blocks >> 1) + 1;
                blockOffsets = java.util.Arrays.copyOf(blockOffsets, capacity);
                blockRows = java.util.Arrays.copyOf(blockRows, capacity);
            }
            blockOffsets[blocks] = size;
            blockRows[blocks++] = batch.rowCount();
            maxBlockRows = Math.max(maxBlockRows, batch.rowCount());
            maxBlockRawBytes = Math.max(maxBlockRawBytes, rawLength);
            long written = HEADER + n;
            size += written;
            rows += batch.rowCount();
            long elapsed = System.nanoTime() - start;
            manager.recordWrite(written, elapsed);
            listener.spilled(written, elapsed, !this.written);
            this.written = true;
        } catch (IOException e) {
            throw SpillManager.ioError(path, e);
        }
    }

    /**
     * Ends writing; the file can be read from now on. Synchronized: several readers may finish a shared file at once
     * (a spilled broadcast build side), and none may read before the first one's close has flushed the buffer.
     */
    public synchronized void finishWriting() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw SpillManager.ioError(path, e);
        } finally {
            out = null;
        }
    }

    public long rows() { return rows; }

    public long sizeInBytes() { return size; }

    public int blockCount() { return blocks; }

    /** The rows of block {@code b}. */
    public int blockRows(int b) {
        if (b < 0 || b >= blocks) throw new IndexOutOfBoundsException("block " + b + " of " + blocks);
        return blockRows[b];
    }

    /** The most rows of one block. */
    public int maxBlockRows() { return maxBlockRows; }

    /**
     * The largest block's encoded size before compression: about what a reader holds once it has decoded it (the
     * columnar encoding is the vectors' layout: fixed-width values, string bytes and lengths, null bitmaps).
     */
    public int maxBlockRawBytes() { return maxBlockRawBytes; }

    /** Reads every block in order. */
    public Reader reader(StructType schema) { return reader(schema, 0); }

    /** Reads the blocks from {@code firstBlock} on. */
    public Reader reader(StructType schema, int firstBlock) { return reader(schema, firstBlock, BUFFER); }

    /**
     * Reads the blocks from {@code firstBlock} on through a stream buffer of {@code bufferBytes} (a merge reading
     * many runs at once uses a small one: a block larger than the buffer is read past it, in one call).
     */
    public Reader reader(StructType schema, int firstBlock, int bufferBytes) {
        finishWriting();
        return new Reader(schema, firstBlock < blocks ? blockOffsets[firstBlock] : size, bufferBytes);
    }

    /** Deletes the file (readers must be closed). */
    public void delete() {
        if (deleted) return;
        deleted = true;
        try {
            if (out != null) out.close();
        } catch (IOException ignored) {
            // deleting anyway
        }
        out = null;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw SpillManager.ioError(path, e);
        }
    }

    @Override public void close() { delete(); }

    /** A pass over the file's blocks. */
    public final class Reader implements AutoCloseable {
        private final StructType schema;
        private final InputStream in;
        private final Lz4Decompressor decompressor = new Lz4Decompressor();
        private final byte[] header = new byte[HEADER];
        private long position;

        Reader(StructType schema, long offset, int bufferBytes) {
            this.schema = schema;
            this.position = offset;
            try {
                InputStream file = Files.newInputStream(path);
                file.skipNBytes(offset);
                this.in = new BufferedInputStream(file, Math.max(512, bufferBytes));
            } catch (IOException e) {
                throw SpillManager.ioError(path, e);
            }
        }

        /** The next block as a batch of flat vectors, or null at the end. */
        public Batch next() {
            if (position >= size) return null;
            try {
                readFully(header, HEADER);
                int rawLength = (int) INT.get(header, 0);
                int compressedLength = (int) INT.get(header, 4);
                int rowCount = (int) INT.get(header, 8);
                // the thread's buffers, not the reader's: a merge reads many files at once, and decoding copies out
                ReadScratch scratch = READ_SCRATCH.get();
                byte[] compressed = scratch.compressed.length >= compressedLength ? scratch.compressed : new byte[compressedLength];
                byte[] raw = scratch.raw.length >= rawLength ? scratch.raw : new byte[rawLength];
                if (compressedLength == rawLength) {
                    readFully(raw, rawLength);   // stored as encoded
                } else {
                    readFully(compressed, compressedLength);
                    decompressor.decompress(compressed, 0, compressedLength, raw, 0, rawLength);
                }
                position += HEADER + compressedLength;
                Batch batch = BatchCodec.decode(schema, raw, rowCount);
                if (compressed.length <= KEEP_SCRATCH) scratch.compressed = compressed;
                if (raw.length <= KEEP_SCRATCH) scratch.raw = raw;
                return batch;
            } catch (IOException e) {
                throw SpillManager.ioError(path, e);
            }
        }

        private void readFully(byte[] into, int length) throws IOException {
            if (in.readNBytes(into, 0, length) != length) throw new EOFException("spill block cut short");
        }

        @Override public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }

    /** A reading thread's reusable buffers for one block (compressed, then decompressed). */
    private static final class ReadScratch {
        byte[] compressed = new byte[0];
        byte[] raw = new byte[0];
    }

    private static final ThreadLocal<ReadScratch> READ_SCRATCH = ThreadLocal.withInitial(ReadScratch::new);

    /** A writing thread's reusable encode buffer, compressor (its hash table is 16 KiB) and block buffer. */
    private static final class Scratch {
        final BatchCodec.Buffer raw = new BatchCodec.Buffer(64 * 1024);
        final Lz4Compressor compressor = new Lz4Compressor();
        byte[] block = new byte[HEADER + 64 * 1024];
    }
}
