package dev.sluice.cli;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.DataFrameReader;
import dev.sluice.Sluice;
import dev.sluice.sql.SqlParser;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.types.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.sluice.functions.col;
import static dev.sluice.functions.struct;
import static dev.sluice.functions.to_json;

/**
 * {@code sluice cat}: reads a dataset in any supported format and prints it as a table (as {@code show()}),
 * as JSON Lines ({@code --json}, one {@code to_json} object per row) or as its row count ({@code --count}),
 * after an optional {@code --where} filter and {@code --select} list written as Spark SQL expressions.
 */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = "Print a dataset (json, csv, text, parquet) as a table, JSON Lines or a row count.")
final class CatCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories or globs.")
    List<String> paths;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "json, csv, text or parquet (default: from the file extension).")
    String format;

    @Option(names = {"-s", "--schema"}, paramLabel = "DDL", description = "The schema as a DDL string, e.g. 'a INT, b STRING' (default: inferred).")
    String schema;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "A reader option, e.g. header=true; repeatable.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"-w", "--where"}, paramLabel = "EXPR", description = "Keep the rows where this is true, e.g. \"status >= 500 AND service = 'auth'\".")
    String where;

    @Option(names = "--select", paramLabel = "EXPRS", description = "Comma-separated expressions with optional aliases, e.g. \"ts, content.user.id AS uid\".")
    String select;

    @Option(names = "--json", description = "Print JSON Lines (all rows unless --limit is given).")
    boolean json;

    @Option(names = "--count", description = "Print only the number of rows.")
    boolean count;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Rows to print (default: 20 for the table, all for --json).")
    Integer limit;

    @Option(names = "--truncate", defaultValue = "20", paramLabel = "W",
            description = "Cut table cells to W characters, 0 for no cut (default: ${DEFAULT-VALUE}).")
    int truncate;

    @Option(names = "--parallelism", paramLabel = "P", description = "Worker threads (default: the number of processors).")
    Integer parallelism;

    @Override
    public Integer call() throws java.io.IOException {
        if (json && count) throw new ParameterException(spec.commandLine(), "give --json or --count, not both");
        if (limit != null && limit < 0) throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        if (truncate < 0) throw new ParameterException(spec.commandLine(), "--truncate must be >= 0, got " + truncate);
        if (parallelism != null && parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be >= 1, got " + parallelism);
        }
        String fmt = format != null ? format : InputFormats.guess(paths.get(0)).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "cannot tell the format of " + paths.get(0) + " from its name; give --format json|csv|text|parquet"));
        // parse before reading anything: a typo in an expression fails at once
        Column condition = where == null ? null : SqlParser.parseExpression(where);
        List<Column> projection = select == null ? null : SqlParser.parseExpressionList(select);

        Reports reports = Reports.requested(spec);
        Sluice.Builder builder = Sluice.builder().listener(Reports.with(reports, Progress.listener(spec)));
        if (parallelism != null) builder.parallelism(parallelism);
        PrintWriter out = spec.commandLine().getOut();
        try (Sluice sluice = builder.build()) {
            DataFrameReader reader = sluice.read().format(fmt).options(options);
            if (schema != null) reader.schema(schema);
            DataFrame df = reader.load(paths.toArray(new String[0]));
            if (condition != null) df = df.filter(condition);
            if (projection != null) df = df.select(projection.toArray(new Column[0]));
            if (count) {
                out.println(df.count());
            } else if (json) {
                printJsonLines(df, out);
            } else {
                out.print(df.showString(limit == null ? 20 : limit, truncate, false));
            }
            out.flush();
            Reports.finish(reports, sluice.conf().parallelism(), spec.commandLine().getErr());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Streams the rows as to_json(struct(all columns)), so values are written exactly as Spark's to_json. */
    private void printJsonLines(DataFrame df, PrintWriter out) {
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
