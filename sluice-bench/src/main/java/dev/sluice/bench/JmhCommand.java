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
    @Parameters(arity = "0..*", paramLabel = "ARG", description = "JMH arguments.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(new String[0]));
        return 0;
    }
}
