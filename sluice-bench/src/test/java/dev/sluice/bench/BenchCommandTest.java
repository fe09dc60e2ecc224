package dev.sluice.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice bench}'s command tree: built for the subcommand a line names, with the same options and texts. */
class BenchCommandTest {
    @Test void aLineNamingASubcommandBuildsOnlyThatOne() {
        assertThat(BenchCommand.build(List.of("q3", "--engine", "sluice", "--input", "x")).subcommands()).containsOnlyKeys("q3");
        assertThat(BenchCommand.build(List.of("m2", "--engine", "duckdb")).subcommands()).containsOnlyKeys("m2");
        assertThat(BenchCommand.build(List.of("compare", "--runs", "1")).subcommands()).containsOnlyKeys("compare");
    }

    @Test void otherwiseEverySubcommandInTheOrderOfTheUsage() {
        List<String> all = List.of("q1", "q2", "q3", "q1csv", "compare", "m1", "m2", "m3", "m4", "m5", "m6", "memory", "jmh");
        assertThat(BenchCommand.subcommandNames()).containsExactlyElementsOf(all);
        for (List<String> rest : List.of(List.<String>of(), List.of("--help"), List.of("nosuch", "q3"), List.of("-V"))) {
            assertThat(BenchCommand.build(rest).subcommands().keySet()).as(rest.toString()).containsExactlyElementsOf(all);
        }
    }

    @Test void aQueryCommandBuiltInCodeParsesAndPrintsItsUsageAsTheAnnotatedOneDid() {
        CommandSpec bench = BenchCommand.build(List.of("q3"));
        CommandLine commandLine = new CommandLine(bench);
        CommandLine.ParseResult parsed = commandLine.parseArgs("q3", "--engine", "duckdb", "--input", "in.jsonl");
        CommandSpec q3 = parsed.subcommand().commandSpec();
        assertThat((String) q3.findOption("--engine").getValue()).isEqualTo("duckdb");
        assertThat((String) q3.findOption("--input").getValue()).isEqualTo("in.jsonl");
        assertThat((String) q3.findOption("--output").getValue()).isNull();
        StringWriter usage = new StringWriter();
        commandLine.getSubcommands().get("q3").usage(new PrintWriter(usage));
        // as picocli printed it for the annotated command (without the top command's inherited options)
        assertThat(usage.toString().replace("\r", "")).isEqualTo("""
                Usage: bench q3 [-hV] --engine=ENGINE --input=PATH [--output=DIR]
                Run one workload query on one engine and print its time, memory and result
                digest.
                      --engine=ENGINE   sluice, spark or duckdb.
                  -h, --help            Show this help message and exit.
                      --input=PATH      The JSON Lines logs (a file or a directory; s3:
                                          //bucket/prefix for --engine sluice).
                      --output=DIR      Where Q1/Q2 write (replaced; default:
                                          out/bench/<query>-<engine>; s3://bucket/prefix for
                                          --engine sluice).
                  -V, --version         Print version information and exit.
                """);
    }

    @Test void aMissingRequiredOptionIsAUsageError() {
        CommandLine commandLine = new CommandLine(BenchCommand.build(List.of("m1")));
        StringWriter err = new StringWriter();
        int code = commandLine.setErr(new PrintWriter(err)).execute("m1", "--engine", "sluice");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("Missing required option: '--input=PATH'");
    }
}
