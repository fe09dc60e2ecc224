package dev.sluice.bench;

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
}
