package dev.sluice.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file of one or more members (RFC 1952), checking each member's CRC-32 and length.
 * Unlike {@code java.util.zip.GZIPInputStream}, which stops quietly at a damaged second header or at bytes
 * after the last member, every problem is a {@link CorruptCompressedInput} with the byte offset in the
 * compressed file: a damaged header or deflate block, a checksum mismatch, a truncated file, or trailing
 * bytes that are not another member (as Hadoop's gzip codec, and so Spark, fails on them). An empty file
 * decompresses to nothing.
 */
final class GzipMembersInputStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final byte[] inBuf = new byte[64 * 1024];
    private int inPos;          // bytes of inBuf consumed (handed to the inflater or parsed as header/trailer)
    private int inLimit;
    private long inBase;        // file offset of inBuf[0]
    private boolean inEof;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private boolean inMember;
    private boolean done;
    private int members;
    private long memberStart;
    private long memberBytes;
    private final byte[] one = new byte[1];

    GzipMembersInputStream(InputStream in) { this.in = in; }

    @Override public int read() throws IOException {
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            if (done) return -1;
            if (!inMember && !startMember()) {
                done = true;
                return -1;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw corrupt(consumedOffset(), "damaged deflate data in gzip member " + members
                        + " (starting at byte " + memberStart + "): " + e.getMessage(), e);
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                inPos = inLimit - inflater.getRemaining();
                finishMember();
                continue;
            }
            if (inflater.needsDictionary()) {
                throw corrupt(consumedOffset(), "gzip member " + members + " asks for a preset dictionary, which gzip never uses", null);
            }
            if (inflater.needsInput()) {
                if (inPos == inLimit && !fillInput()) {
                    throw corrupt(inBase + inLimit, "the file ends inside gzip member " + members
                            + " (starting at byte " + memberStart + "): it is truncated", null);
                }
                inflater.setInput(inBuf, inPos, inLimit - inPos);
                inPos = inLimit;
            }
        }
    }

    /** Parses the next member's header; false at a clean end of the file. */
    private boolean startMember() throws IOException {
        long at = inBase + inPos;
        int first = readByte();
        if (first < 0) return false;
        int second = readByte();
        if (first != 0x1f || second != 0x8b) {
            if (members == 0) throw corrupt(at, "not in gzip format (no gzip header at the start)", null);
            throw corrupt(at, "bytes after the last gzip member that are not another member (trailing garbage)", null);
        }
        memberStart = at;
        members++;
        int method = needByte();
        if (method != 8) throw corrupt(at + 2, "gzip member " + members + " uses compression method " + method + ", not deflate", null);
        int flags = needByte();
        if ((flags & 0xe0) != 0) throw corrupt(at + 3, "gzip member " + members + " has reserved header flags set (a damaged header)", null);
        for (int i = 0; i < 6; i++) needByte();          // mtime, extra flags, OS
        if ((flags & FEXTRA) != 0) {
            int xlen = needByte() | (needByte() << 8);
            for (int i = 0; i < xlen; i++) needByte();
        }
        if ((flags & FNAME) != 0) while (needByte() != 0) { /* the original file name */ }
        if ((flags & FCOMMENT) != 0) while (needByte() != 0) { /* a comment */ }
        if ((flags & FHCRC) != 0) { needByte(); needByte(); }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inMember = true;
        if (inPos < inLimit) {
            inflater.setInput(inBuf, inPos, inLimit - inPos);
            inPos = inLimit;
        }
        return true;
    }

    private void finishMember() throws IOException {
        long at = inBase + inPos;
        long expectedCrc = readInt();
        long expectedSize = readInt();
        if (expectedCrc != crc.getValue()) {
            throw corrupt(at, "gzip member " + members + " (starting at byte " + memberStart + ") fails its CRC-32 check", null);
        }
        if (expectedSize != (memberBytes & 0xffffffffL)) {
            throw corrupt(at + 4, "gzip member " + members + " (starting at byte " + memberStart
                    + ") has a length that does not match its trailer", null);
        }
        inMember = false;
    }

    private long readInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) v |= ((long) needByte()) << (8 * i);
        return v;
    }

    private int needByte() throws IOException {
        int b = readByte();
        if (b < 0) {
            throw corrupt(inBase + inLimit, "the file ends inside the header or trailer of gzip member " + members
                    + (memberStart >= 0 ? " (starting at byte " + memberStart + ")" : "") + ": it is truncated", null);
        }
        return b;
    }

    private int readByte() throws IOException {
        if (inPos == inLimit && !fillInput()) return -1;
        return inBuf[inPos++] & 0xff;
    }

    /** Refills the input buffer once everything in it is consumed; false at the end of the file. */
    private boolean fillInput() throws IOException {
        if (inEof) return false;
        inBase += inLimit;
        inPos = 0;
        inLimit = 0;
        int n;
        do {
            n = in.read(inBuf, 0, inBuf.length);
        } while (n == 0);
        if (n < 0) {
            inEof = true;
            return false;
        }
        inLimit = n;
        return true;
    }

    /** How far the inflater has consumed the compressed bytes. */
    private long consumedOffset() { return inBase + inLimit - inflater.getRemaining(); }

    private static CorruptCompressedInput corrupt(long offset, String problem, Throwable cause) {
        return new CorruptCompressedInput(offset, problem, cause);
    }

    @Override public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
