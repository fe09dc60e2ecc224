package dev.sluice.cli;

import dev.sluice.exec.JobListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The progress listener a command gives its session: the display on stderr, or nothing with {@code --quiet}.
 * Actions quicker than about a second print nothing, so that the output of a quick {@code cat} is only its result.
 */
public final class Progress {
    private Progress() {}

    /** For the command of {@code spec}; its stderr writer is the display's output. */
    public static JobListener listener(CommandSpec spec) {
        if (quiet(spec.root().commandLine().getParseResult())) return new JobListener() {};
        return ProgressDisplay.forTerminal(spec.commandLine().getErr()).withoutSummariesUnder(ProgressDisplay.FIRST_FRAME_DELAY);
    }

    /** As {@link #listener}, but every job ends with its summary line, however quick (the demo reports each job). */
    public static JobListener listenerWithSummaries(CommandSpec spec) {
        if (quiet(spec.root().commandLine().getParseResult())) return new JobListener() {};
        return ProgressDisplay.forTerminal(spec.commandLine().getErr());
    }

    /** True when {@code --quiet} was given to the top command or to any subcommand on the line. */
    static boolean quiet(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--quiet")) return true;
        }
        return false;
    }
}
