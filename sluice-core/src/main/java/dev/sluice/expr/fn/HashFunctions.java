package dev.sluice.expr.fn;

import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.IntVector;
import dev.sluice.vector.LongVector;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Digests of binary values (strings are read as their UTF-8 bytes): md5, sha1/sha, sha2(bits) as lower-case hex
 * (sha2 is NULL for a bit length other than 224, 256, 384, 512 or 0 = 256), crc32 as bigint; and Spark's
 * row hashes {@code hash} (Murmur3, seed 42, int) and {@code xxhash64} (seed 42, bigint), see {@link RowHasher}.
 */
public final class HashFunctions {
    private HashFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(new Digest("md5", "MD5"), new Digest("sha1", "SHA-1"), new Digest("sha", "SHA-1"), new Sha2(), new Crc32(),
                new Hash("hash", Murmur3.INSTANCE), new Hash("xxhash64", XxHash64.INSTANCE));
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void appendHex(BytesVector out, byte[] digest) {
        out.reserve(digest.length * 2);
        byte[] dst = out.buffer();
        int pos = out.writePosition();
        for (byte d : digest) {
            dst[pos++] = (byte) HEX[(d >> 4) & 0xF];
            dst[pos++] = (byte) HEX[d & 0xF];
        }
        out.commit(digest.length * 2);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw SluiceException.internal("the JVM has no " + algorithm);
        }
    }

    record Digest(String name, String algorithm) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, 1);
            return new Signature(List.of(FnArgs.expect(name, args, 0, DataTypes.BINARY)), DataTypes.STRING, args.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            MessageDigest md = digest(algorithm);
            BytesVector out = new BytesVector(DataTypes.STRING, rows, rows * 40);
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                md.update(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i));
                appendHex(out, md.digest());
            }
            return out;
        }

    }

    record Sha2() implements ScalarFunction {
        @Override public String name() { return "sha2"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 2, 2);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.BINARY), FnArgs.expect(name(), args, 1, DataTypes.INT)),
                    DataTypes.STRING, true);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0], bits = args[1];
            BytesVector out = new BytesVector(DataTypes.STRING, rows, rows * 64);
            MessageDigest[] byBits = new MessageDigest[4];
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i) || bits.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                int b = bits.getInt(i);
                int slot = b == 224 ? 0 : b == 256 || b == 0 ? 1 : b == 384 ? 2 : b == 512 ? 3 : -1;
                if (slot < 0) {
                    out.appendNull();
                    continue;
                }
                if (byBits[slot] == null) byBits[slot] = digest(new String[] {"SHA-224", "SHA-256", "SHA-384", "SHA-512"}[slot]);
                byBits[slot].update(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i));
                appendHex(out, byBits[slot].digest());
            }
            return out;
        }
    }

    record Crc32() implements ScalarFunction {
        @Override public String name() { return "crc32"; }

        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name(), args, 1, 1);
            return new Signature(List.of(FnArgs.expect(name(), args, 0, DataTypes.BINARY)), DataTypes.LONG, args.get(0).nullable());
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            ColumnVector in = args[0];
            LongVector out = new LongVector(DataTypes.LONG, rows);
            CRC32 crc = new CRC32();
            for (int i = 0; i < rows; i++) {
                if (in.isNull(i)) {
                    out.appendNull();
                    continue;
                }
                crc.reset();
                crc.update(in.bytesArray(i), in.bytesStart(i), in.bytesLength(i));
                out.append(crc.getValue());
            }
            return out;
        }
    }

    /** {@code hash(a, ...)} / {@code xxhash64(a, ...)}: every argument folded into one hash, seed 42; never NULL. */
    record Hash(String name, RowHasher.Algorithm algorithm) implements ScalarFunction {
        @Override public Signature bind(List<Expression> args) {
            FnArgs.arity(name, args, 1, Integer.MAX_VALUE);
            List<DataType> types = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                DataType t = args.get(i).dataType();
                if (containsMap(t)) throw FnArgs.mismatch(name, args, i, "a value that is not and holds no map");
                types.add(t);
            }
            return new Signature(types, algorithm == Murmur3.INSTANCE ? DataTypes.INT : DataTypes.LONG, false);
        }

        @Override public ColumnVector evaluate(Signature signature, ColumnVector[] args, int rows) {
            if (signature.resultType().equals(DataTypes.INT)) {
                IntVector out = new IntVector(DataTypes.INT, rows);
                for (int i = 0; i < rows; i++) out.append((int) hashRow(args, i));
                return out;
            }
            LongVector out = new LongVector(DataTypes.LONG, rows);
            for (int i = 0; i < rows; i++) out.append(hashRow(args, i));
            return out;
        }

        private long hashRow(ColumnVector[] args, int row) {
            long h = 42;
            for (ColumnVector a : args) h = RowHasher.hash(algorithm, a.type(), a, row, h);
            return h;
        }

        private static boolean containsMap(DataType t) {
            if (t instanceof MapType) return true;
            if (t instanceof ArrayType a) return containsMap(a.elementType());
            if (t instanceof StructType s) {
                for (int f = 0; f < s.size(); f++) if (containsMap(s.field(f).dataType())) return true;
            }
            return false;
        }
    }
}
