package dev.sluice.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The JVM flags Spark needs on Java 17 (the module openings of Spark's own launcher, JavaModuleOptions); the
 * ./sluice launcher passes the same list for {@code bench}, and {@link CompareCommand} gives them to every child
 * JVM, whatever its engine, so that all run with the same flags.
 */
final class JvmFlags {
    private JvmFlags() {}

    static final List<String> SPARK = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    /**
     * The JIT policy of Sluice's JVMs (also in the ./sluice launcher; docs/benchmark.md, "JIT policy", has the
     * measurements): the optimizing compiler (C2) only for methods 30 times hotter than HotSpot's default
     * thresholds. At 1M rows C2's compiles of the long tail (class loading, planning, writer chains) cost more CPU
     * than their code saves (Q3: 7-9.5 s of CPU by default, 3.5-4.7 s with this, C1 alone 3.7-4.7 s); the scan's
     * hot loops still reach C2, so long runs keep C2's speed (Q3 at 5M rows: 16.2 s, default 20.8 s, C1 alone 21.1 s).
     * Given to every child JVM whatever its engine; a later --jvm-opt overrides it.
     */
    static final List<String> JIT = List.of(
            "-XX:Tier4InvocationThreshold=150000",
            "-XX:Tier4MinInvocationThreshold=18000",
            "-XX:Tier4CompileThreshold=450000",
            "-XX:Tier4BackEdgeThreshold=1200000");

    /**
     * Input bytes per processor up to which a Sluice JVM runs C1 alone ({@link #C1_ONLY}); as the ./sluice launcher's
     * SLUICE_JIT=auto. Measured on 2 cores (docs/benchmark.md, "JIT policy by input size"): C1 alone is 20-30% faster
     * than {@link #JIT} on Q1-Q3 at 1M rows (408 MiB: the tiered JVM spends half its CPU warming up, in profiled C1
     * code and C2 compiles) and 20-26% slower at 10M rows (C2's code is faster in steady state); the two cross
     * between 850 MB and 1.2 GB of input on 2 cores. Per processor, because each worker warms up alike while the
     * steady state it gains from C2 is its share of the input.
     */
    static final long SHORT_JOB_BYTES_PER_PROCESSOR = 400L << 20;

    /** The JIT policy of a short job: C1 alone, no profiling and no C2 compiles. */
    static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1");

    /**
     * The JIT policy of a Sluice JVM whose job reads {@code inputBytes} ({@code 0}: not known) on {@code processors}:
     * {@link #C1_ONLY} for a short job, else {@link #JIT}.
     */
    static List<String> jit(long inputBytes, int processors) {
        boolean shortJob = inputBytes > 0 && inputBytes <= SHORT_JOB_BYTES_PER_PROCESSOR * Math.max(1, processors);
        return shortJob ? C1_ONLY : JIT;
    }

    /**
     * The JIT policy of a benchmark child running {@code engine} on {@code input}: Sluice's as its launcher would choose
     * it for that input ({@link #jit}), every other engine's the tiered policy.
     */
    static List<String> jitOfChild(String engine, Path input) {
        return engine.equals("sluice") ? jit(InputBytes.of(input), Runtime.getRuntime().availableProcessors()) : JIT;
    }

    /**
     * The memory policy of Sluice's JVMs (as the ./sluice launcher; docs/benchmark.md, "Start-up and peak RSS",
     * has the measurements): on a machine with at most two processors the serial collector with the young generation capped
     * at 48 MiB. G1's default sizing on a large machine grew the heap to 360-400 MiB of resident memory for Q1-Q3
     * although Sluice's live data is a few batches per worker plus the memory pool's reservations; the serial
     * collector keeps it at 170-290 MiB for the same CPU, and there is no spare core for a parallel or concurrent
     * collector to use anyway. The maximum heap is left alone, so the memory pool's budget (a share of it) is
     * unchanged: only the young generation, where batches come and go, is bounded. When {@code jvmOpts} choose a
     * collector nothing is added (two collectors would not start); when they size the heap or young generation only
     * the collector is (a young generation of 48 MiB in a small heap would leave too little for the budget). The
     * serial collector matters most for small heaps: with {@code -Xmx64m} G1's 1 MiB regions turn every array of
     * 512 KiB or more into a humongous object needing contiguous free regions, which G1 on Java 17 does not compact,
     * and M5 at 10M rows failed with the heap a third free in 3 of 4 runs (serial: 4 of 4 finished).
     */
    static List<String> memory(List<String> jvmOpts, int processors) {
        if (processors > 2) return List.of();
        boolean sized = false;
        for (String opt : jvmOpts) {
            if (opt.matches("-XX:[+-]Use\\w*GC")) return List.of();
            if (opt.startsWith("-Xmx") || opt.startsWith("-Xmn") || opt.startsWith("-XX:MaxHeapSize")
                    || opt.startsWith("-XX:MaxNewSize") || opt.startsWith("-XX:NewSize")) {
                sized = true;
            }
        }
        return sized ? List.of("-XX:+UseSerialGC") : List.of("-XX:+UseSerialGC", "-XX:MaxNewSize=48m");
    }
}
