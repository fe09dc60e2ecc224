package dev.sluice.cli;

/**
 * Adds a subcommand to {@code sluice} from another module, found through {@link java.util.ServiceLoader}: the
 * benchmark module provides {@code bench} this way, so the CLI does not depend on it (and on Spark) while
 * {@code bench} still runs under the same command, error handling and exit codes.
 */
public interface SubcommandProvider {
    /** The subcommand's name on the command line. */
    String name();

    /** A picocli command object (annotated with {@code @Command}), created for each command line. */
    Object command();
}
