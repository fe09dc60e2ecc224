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

    /**
     * The command for a command line whose arguments after this command's name are {@code rest}: by default
     * {@link #command()}. A provider may leave out the subcommands {@code rest} does not run, as {@link Main} does
     * with the built-in ones, since picocli reads each annotated command's model by reflection when it is added.
     */
    default Object command(java.util.List<String> rest) { return command(); }
}
