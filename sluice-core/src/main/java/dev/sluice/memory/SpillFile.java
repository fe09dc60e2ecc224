package dev.sluice.memory;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One spill file: a sequence of blocks, each one batch in {@link BatchCodec}'s columnar form compressed with
 * LZ4 ({@code [raw length][compressed length][bytes]}). Written once, then read as often as needed from the
 * start or from any block; {@link #delete} removes it. Not thread-safe: one owner at a time.
 */
public final class SpillFile implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;   // small: an operator may write to 16 partition files at once

    private final Path path;
    private final SpillManager manager;
    private final SpillListener listener;
    private final List<Long> blockOffsets = new ArrayList<>();
    private final List<Integer> blockRows = new ArrayList<>();
    private DataOutputStream out;
    private long size;
    private long rows;
    private boolean written;
    private boolean deleted;

    SpillFile(Path path, SpillManager manager, SpillListener listener) {
        this.path = path;
        this.manager = manager;
        this.listener = listener;
    }

    public Path path() { return path; }

    /** Appends one batch as a block; empty batches are skipped. */
    public void write(Batch batch) {
        if (batch.rowCount() == 0) return;
        long start = System.nanoTime();
        try {
            if (out == null) out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.APPEND), BUFFER));
            byte[] raw = BatchCodec.encode(batch);
            Lz4Compressor compressor = new Lz4Compressor();
            byte[] compressed = new byte[compressor.maxCompressedLength(raw.length)];
            int n = compressor.compress(raw, 0, raw.length, compressed, 0, compressed.length);
            blockOffsets.add(size);
            blockRows.add(batch.rowCount());
            out.writeInt(raw.length);
            out.writeInt(n);
            out.writeInt(batch.rowCount());
            out.write(compressed, 0, n);
            long written = 12L + n;
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

    public int blockCount() { return blockOffsets.size(); }

    /** The rows of block {@code b}. */
    public int blockRows(int b) { return blockRows.get(b); }

    /** Reads every block in order. */
    public Reader reader(StructType schema) { return reader(schema, 0); }

    /** Reads the blocks from {@code firstBlock} on. */
    public Reader reader(StructType schema, int firstBlock) {
        finishWriting();
        return new Reader(schema, firstBlock < blockOffsets.size() ? blockOffsets.get(firstBlock) : size);
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
        private final DataInputStream in;
        private final Lz4Decompressor decompressor = new Lz4Decompressor();
        private long position;

        Reader(StructType schema, long offset) {
            this.schema = schema;
            this.position = offset;
            try {
                InputStream raw = Files.newInputStream(path);
                raw.skipNBytes(offset);
                this.in = new DataInputStream(new BufferedInputStream(raw, BUFFER));
            } catch (IOException e) {
                throw SpillManager.ioError(path, e);
            }
        }

        /** The next block as a batch of flat vectors, or null at the end. */
        public Batch next() {
            if (position >= size) return null;
            try {
                int rawLength = in.readInt();
                int compressedLength = in.readInt();
                int rowCount = in.readInt();
                byte[] compressed = in.readNBytes(compressedLength);
                if (compressed.length != compressedLength) throw new EOFException("spill block cut short");
                byte[] raw = new byte[rawLength];
                decompressor.decompress(compressed, 0, compressedLength, raw, 0, rawLength);
                position += 12L + compressedLength;
                return BatchCodec.decode(schema, raw, rowCount);
            } catch (IOException e) {
                throw SpillManager.ioError(path, e);
            }
        }

        @Override public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
