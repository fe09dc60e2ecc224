package dev.sluice.vector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Reading 8 bytes of a byte array as one little-endian long, cheaply in every JIT tier. A {@code VarHandle} view is
 * one machine load in C2 code, but in the profiled C1 code a short job runs for most of its scan it is a chain of
 * calls (guard, access-mode check, index check, {@code getLongUnaligned}'s Java fallback, byte-order conversion):
 * ~11 ns a read against ~3 ns for {@code Unsafe.getLong}, which both tiers compile to a load (docs/benchmark.md,
 * "c1scan"). So on Java 17 to 22 of a little-endian machine the read goes through {@code sun.misc.Unsafe}, after
 * one bounds check of its own (the same exception the view throws); elsewhere (a big-endian machine, no
 * {@code jdk.unsupported}, or Java 23 on, which deprecates Unsafe's memory access and from 24 warns on its first
 * use) through the view. Both read the same bytes the same way.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final sun.misc.Unsafe UNSAFE = unsafeOrNull();
    /** Constant in both JIT tiers (a static final): the untaken path is compiled out. */
    private static final boolean UNSAFE_READS = UNSAFE != null;
    private static final long BYTES_BASE = UNSAFE_READS ? UNSAFE.arrayBaseOffset(byte[].class) : 0;

    private ByteWords() {}

    /**
     * The 8 bytes {@code b[i, i+8)} as a little-endian long; {@link ArrayIndexOutOfBoundsException} when they are not
     * all in the array (thrown by the view). Small enough for C1 to inline (30 bytes of bytecode against its limit of
     * 35, and 90% of that for each level of nesting: the Unsafe read is a call of its own, 14 bytes).
     */
    public static long longAt(byte[] b, int i) {
        if (UNSAFE_READS && (i | (b.length - 8 - i)) >= 0) return unsafeLongAt(b, i);   // one test for 0 <= i <= length - 8
        return viewLongAt(b, i);
    }

    /**
     * The index (0-7) of the lowest byte of {@code marks} with its high bit set, for a word of SWAR marks where only
     * bytes' high bits (0x80) are set and at least one is: {@code Long.numberOfTrailingZeros(marks) >>> 3}. C2
     * compiles that to one instruction, but C1 (JDK 17) has no intrinsic for it and calls a 40-byte method with
     * branches; this form is 16 bytes of bytecode that C1 inlines: the lowest mark isolated as {@code 1 << (8k + 7)},
     * shifted to {@code 1 << 8k}, times a word whose byte {@code 7 - k} is k, puts k in the top byte.
     */
    public static int firstMarkedByte(long marks) {
        return (int) ((((marks & -marks) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    /** True when {@link #longAt} reads through Unsafe (tests check both paths agree). */
    static boolean unsafeReads() { return UNSAFE_READS; }

    /** {@link #longAt} through the {@code VarHandle} view, whatever the platform (tests compare the two). */
    static long viewLongAt(byte[] b, int i) { return (long) LONGS.get(b, i); }

    private static long unsafeLongAt(byte[] b, int i) { return UNSAFE.getLong(b, BYTES_BASE + i); }

    private static sun.misc.Unsafe unsafeOrNull() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || Runtime.version().feature() >= 23) return null;
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
            return unsafe.arrayIndexScale(byte[].class) == 1 ? unsafe : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;   // no jdk.unsupported, or a security policy: the view
        }
    }
}
