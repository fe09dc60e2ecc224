package dev.sluice.cli;

import dev.sluice.glue.job.BookmarkState;
import dev.sluice.glue.job.BookmarkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sluice glue bookmarks show|reset JOB}: inspect and rewind the local job bookmarks of Glue jobs. */
@Command(name = "glue", mixinStandardHelpOptions = true, description = "Glue job tools.",
        subcommands = GlueCommand.Bookmarks.class)
final class GlueCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The bookmark subcommands. */
    @Command(name = "bookmarks", mixinStandardHelpOptions = true,
            description = "Show or reset a job's bookmark (kept in ~/.sluice/glue-bookmarks or -Dsluice.glue.bookmarks=DIR).")
    static final class Bookmarks implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }

        private static BookmarkStore store(Path dir) { return new BookmarkStore(dir != null ? dir : BookmarkStore.defaultDir()); }

        @Command(name = "show", description = "Print a job's bookmark: counters and, per run, the files each source processed (and the last key of each JDBC source).")
        int show(@Parameters(paramLabel = "JOB") String job,
                 @Option(names = "--dir", paramLabel = "DIR", description = "The bookmark directory (default: ~/.sluice/glue-bookmarks).") Path dir) {
            PrintWriter out = spec.commandLine().getOut();
            BookmarkState s = store(dir).load(job);
            if (s.version() == 0) {
                out.println("job " + job + ": no bookmark (the next enabled run processes everything)");
            } else {
                out.print(BookmarkStore.toJson(s));
            }
            out.flush();
            return ExitCodes.OK;
        }

        @Command(name = "reset", description = "Forget a job's bookmark, or rewind it to right after run --to RUN_ID.")
        int reset(@Parameters(paramLabel = "JOB") String job,
                  @Option(names = "--to", paramLabel = "RUN_ID", description = "Keep the runs up to and including this one.") String runId,
                  @Option(names = "--dir", paramLabel = "DIR", description = "The bookmark directory (default: ~/.sluice/glue-bookmarks).") Path dir) {
            PrintWriter out = spec.commandLine().getOut();
            if (runId != null) {
                store(dir).rewind(job, runId);
                out.println("job " + job + ": bookmark rewound to run " + runId);
            } else {
                out.println("job " + job + (store(dir).reset(job) ? ": bookmark reset" : ": had no bookmark"));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
