package dev.sluice.bench;

import dev.sluice.cli.SubcommandProvider;

/** Makes {@code bench} a subcommand of {@code sluice} when this module is on the classpath (ServiceLoader). */
public final class BenchCommandProvider implements SubcommandProvider {
    @Override public String name() { return "bench"; }

    @Override public Object command() { return BenchCommand.build(java.util.List.of()); }

    @Override public Object command(java.util.List<String> rest) { return BenchCommand.build(rest); }
}
