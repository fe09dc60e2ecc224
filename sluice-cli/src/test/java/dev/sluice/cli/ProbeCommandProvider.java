package dev.sluice.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A command provided as another module's would be (registered for the tests in META-INF/services), remembering what
 * {@link Main} asked it for: the whole command, or the command for the arguments after its name.
 */
public final class ProbeCommandProvider implements SubcommandProvider {
    /** One entry per command built: null for {@link #command()}, else the arguments given. */
    static final List<List<String>> BUILT = new ArrayList<>();

    @Override public String name() { return "probe"; }

    @Override public Object command() {
        synchronized (BUILT) {
            BUILT.add(null);
        }
        return spec();
    }

    @Override public Object command(List<String> rest) {
        synchronized (BUILT) {
            BUILT.add(List.copyOf(rest));
        }
        return spec();
    }

    private static CommandSpec spec() {
        Callable<Integer> run = () -> 0;
        CommandSpec spec = CommandSpecs.command("probe", run, "A provided command for the tests.");
        spec.addPositional(picocli.CommandLine.Model.PositionalParamSpec.builder().arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).build());
        return spec;
    }
}
