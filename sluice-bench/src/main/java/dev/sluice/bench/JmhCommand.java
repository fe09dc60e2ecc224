package dev.sluice.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice bench jmh [JMH options]}: runs the micro-benchmarks of {@code dev.sluice.bench.jmh} with JMH's own
 * command line, e.g. {@code sluice bench jmh -f 1 -wi 3 -i 5 JsonScan}. Forks use this JVM's classpath.
 */
@Command(name = "jmh", description = "Run the JMH micro-benchmarks; the arguments go to JMH (try -h, or -l to list).")
final class JmhCommand implements Callable<Integer> {
    /**
     * HotSpot's own tier-4 thresholds. JMH forks inherit this JVM's flags, and the launcher gives it the JIT policy's
     * thirty-fold thresholds ({@link JvmFlags#JIT}), which suit a whole job but leave a short JMH warm-up measuring
     * profiled C1 code (FusedScanBenchmark q3: 20,054 ± 21,067 µs/op, 8.7-9.8 ms/op with these). Appended unless the
     * caller passes JVM arguments of their own.
     */
    static final String HOTSPOT_TIER4_THRESHOLDS = "-XX:Tier4InvocationThreshold=5000 -XX:Tier4MinInvocationThreshold=600"
            + " -XX:Tier4CompileThreshold=15000 -XX:Tier4BackEdgeThreshold=40000";

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "JMH arguments.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(jmhArguments(args).toArray(new String[0]));
        return 0;
    }

    /** The arguments given to JMH: the caller's, with HotSpot's C2 thresholds for the forks unless they set JVM arguments. */
    static List<String> jmhArguments(List<String> callerArgs) {
        boolean ownJvmArgs = callerArgs.stream().anyMatch(a -> a.equals("-jvmArgs") || a.equals("-jvmArgsAppend") || a.equals("-jvmArgsPrepend"));
        if (ownJvmArgs) return callerArgs;
        List<String> out = new ArrayList<>(List.of("-jvmArgsAppend", HOTSPOT_TIER4_THRESHOLDS));
        out.addAll(callerArgs);
        return out;
    }
}
