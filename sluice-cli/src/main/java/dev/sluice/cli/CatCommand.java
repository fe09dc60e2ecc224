package dev.sluice.cli;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.DataFrameReader;
import dev.sluice.Sluice;
import dev.sluice.sql.SqlParser;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.sluice.cli.CommandSpecs.flag;
import static dev.sluice.cli.CommandSpecs.option;
import static dev.sluice.functions.col;
import static dev.sluice.functions.struct;
import static dev.sluice.functions.to_json;

/**
 * {@code sluice cat}: reads a dataset in any supported format and prints it as a table (as {@code show()}),
 * as JSON Lines ({@code --json}, one {@code to_json} object per row) or as its row count ({@code --count}),
 * after an optional {@code --where} filter and {@code --select} list written as Spark SQL expressions. A quick
 * command, so its model is built in code ({@link CommandSpecs}).
 */
final class CatCommand implements Callable<Integer> {
    private CommandSpec spec;

    private CatCommand() {}

    /** The command's model, with a new {@code CatCommand} as its user object. */
    static CommandSpec spec() {
        CatCommand command = new CatCommand();
        CommandSpec spec = CommandSpecs.command("cat", command,
                "Print a dataset (json, csv, text, parquet) as a table, JSON Lines or a row count.");
        spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH").type(List.class)
                .auxiliaryTypes(String.class).description("Files, directories or globs.").build());
        spec.addOption(OptionSpec.builder("-f", "--format").paramLabel("FORMAT").type(String.class)
                .description("json, csv, text or parquet (default: from the file extension).").build());
        spec.addOption(OptionSpec.builder("-s", "--schema").paramLabel("DDL").type(String.class)
                .description("The schema as a DDL string, e.g. 'a INT, b STRING' (default: inferred).").build());
        spec.addOption(OptionSpec.builder("-o", "--option").paramLabel("KEY=VALUE").type(Map.class)
                .auxiliaryTypes(String.class, String.class)
                .description("A reader option, e.g. header=true; repeatable.").build());
        spec.addOption(OptionSpec.builder("-w", "--where").paramLabel("EXPR").type(String.class)
                .description("Keep the rows where this is true, e.g. \"status >= 500 AND service = 'auth'\".").build());
        spec.addOption(OptionSpec.builder("--select").paramLabel("EXPRS").type(String.class)
                .description("Comma-separated expressions with optional aliases, e.g. \"ts, content.user.id AS uid\".").build());
        spec.addOption(flag("--json")
                .description("Print JSON Lines (all rows unless --limit is given).").build());
        spec.addOption(flag("--count").description("Print only the number of rows.").build());
        spec.addOption(OptionSpec.builder("-n", "--limit").paramLabel("N").type(Integer.class)
                .description("Rows to print (default: 20 for the table, all for --json).").build());
        spec.addOption(OptionSpec.builder("--truncate").paramLabel("W").type(int.class).defaultValue("20")
                .description("Cut table cells to W characters, 0 for no cut (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(OptionSpec.builder("--parallelism").paramLabel("P").type(Integer.class)
                .description("Worker threads (default: the number of processors).").build());
        command.spec = spec;
        return spec;
    }

    @Override
    public Integer call() throws java.io.IOException {
        List<String> paths = spec.positionalParameters().get(0).getValue();
        String format = option(spec, "--format");
        String schema = option(spec, "--schema");
        Map<String, String> options = option(spec, "--option");   // null unless given
        String where = option(spec, "--where");
        String select = option(spec, "--select");
        boolean json = option(spec, "--json");
        boolean count = option(spec, "--count");
        Integer limit = option(spec, "--limit");
        int truncate = option(spec, "--truncate");
        Integer parallelism = option(spec, "--parallelism");
        if (json && count) throw new ParameterException(spec.commandLine(), "give --json or --count, not both");
        if (limit != null && limit < 0) throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        if (truncate < 0) throw new ParameterException(spec.commandLine(), "--truncate must be >= 0, got " + truncate);
        if (parallelism != null && parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be >= 1, got " + parallelism);
        }
        // parse before reading anything: a typo in an expression fails at once
        Column condition = where == null ? null : SqlParser.parseExpression(where);
        List<Column> projection = select == null ? null : SqlParser.parseExpressionList(select);

        Reports reports = Reports.requested(spec);
        Sluice.Builder builder = Sluice.builder().listener(Reports.with(reports, Progress.listener(spec)));
        if (parallelism != null) builder.parallelism(parallelism);
        PrintWriter out = spec.commandLine().getOut();
        try (Sluice sluice = builder.build()) {
            String fmt = format != null ? format : InputFormats.guess(sluice.storage(), paths.get(0)).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "cannot tell the format of " + paths.get(0) + " from its name; give --format json|csv|text|parquet"));
            DataFrameReader reader = sluice.read().format(fmt);
            if (options != null) reader.options(options);
            if (schema != null) reader.schema(schema);
            DataFrame df = reader.load(paths.toArray(new String[0]));
            if (condition != null) df = df.filter(condition);
            if (projection != null) df = df.select(projection.toArray(new Column[0]));
            if (count) {
                out.println(df.count());
            } else if (json) {
                printJsonLines(df, out, limit);
            } else {
                out.print(df.showString(limit == null ? 20 : limit, truncate, false));
            }
            out.flush();
            Reports.finish(reports, sluice.conf().parallelism(), sluice.storage().metrics(), spec.commandLine().getErr());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Streams the rows as to_json(struct(all columns)), so values are written exactly as Spark's to_json. */
    private static void printJsonLines(DataFrame df, PrintWriter out, Integer limit) {
        String[] names = df.columns();
        Column[] fields = new Column[names.length];
        for (int i = 0; i < names.length; i++) fields[i] = col("`" + names[i].replace("`", "``") + "`");
        DataFrame lines = df.select(to_json(struct(fields)).alias("json"));
        if (limit != null) lines = lines.limit(limit);
        try (CloseableIterator<Row> rows = lines.toLocalIterator()) {
            while (rows.hasNext()) out.println(rows.next().getString(0));
        }
    }
}
