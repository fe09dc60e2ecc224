package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.Column;
import dev.sluice.DataFrameWriter;
import dev.sluice.DataFrameWriterV2;
import dev.sluice.functions;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.CreateDataFrameViewCommand;
import org.apache.spark.connect.proto.WriteOperation;
import org.apache.spark.connect.proto.WriteOperationV2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Commands: writes ({@code df.write...}), temporary views, SQL statements, UDF registration, local checkpoints. */
final class CommandRunner {
    private final ConnectSession session;
    private final PlanExecutor executor;

    CommandRunner(ConnectSession session, PlanExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    void run(Command c) {
        switch (c.getCommandTypeCase()) {
            case WRITE_OPERATION: write(c.getWriteOperation()); break;
            case WRITE_OPERATION_V2: writeV2(c.getWriteOperationV2()); break;
            case CREATE_DATAFRAME_VIEW: view(c.getCreateDataframeView()); break;
            case SQL_COMMAND: SqlCommands.run(session, executor, c.getSqlCommand()); break;
            case REGISTER_FUNCTION: PythonUdfs.register(session, c.getRegisterFunction()); break;
            case REGISTER_TABLE_FUNCTION: PythonTableFunctions.register(session, c.getRegisterTableFunction()); break;
            case CHECKPOINT_COMMAND: Checkpoints.checkpoint(session, executor, c.getCheckpointCommand()); break;
            case REMOVE_CACHED_REMOTE_RELATION_COMMAND: Checkpoints.remove(session, c.getRemoveCachedRemoteRelationCommand()); break;
            default:
                throw ConnectErrors.unsupported("the command " + c.getCommandTypeCase().name().toLowerCase(Locale.ROOT),
                        "Sluice does not run it");
        }
    }

    private void write(WriteOperation w) {
        if (w.hasTable()) {
            writeTable(w);
            return;
        }
        DataFrame df = new RelationTranslator(new Translation(session)).translate(w.getInput());
        String format = w.hasSource() ? w.getSource().toLowerCase(Locale.ROOT) : session.config().get("spark.sql.sources.default");
        Map<String, String> options = new java.util.LinkedHashMap<>(w.getOptionsMap());
        String path = w.hasPath() ? w.getPath() : options.remove("path");
        if (path == null || path.isEmpty()) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "save")
                    .with("reason", "give a path").build();
        }
        options.remove("path");
        DataFrameWriter writer = df.write().format(format).options(options).mode(mode(w.getMode()));
        if (w.getPartitioningColumnsCount() > 0) writer = writer.partitionBy(w.getPartitioningColumnsList().toArray(new String[0]));
        writer = layout(writer, w);
        writer.save(path);
    }

    /** {@code saveAsTable(name)} and {@code insertInto(name)}: the session catalog's managed tables. */
    private void writeTable(WriteOperation w) {
        DataFrame df = new RelationTranslator(new Translation(session)).translate(w.getInput());
        DataFrameWriter writer = df.write().options(w.getOptionsMap()).mode(mode(w.getMode()));
        if (w.hasSource()) writer = writer.format(w.getSource().toLowerCase(Locale.ROOT));
        if (w.getPartitioningColumnsCount() > 0) writer = writer.partitionBy(w.getPartitioningColumnsList().toArray(new String[0]));
        writer = layout(writer, w);
        String name = w.getTable().getTableName();
        switch (w.getTable().getSaveMethod()) {
            case TABLE_SAVE_METHOD_INSERT_INTO -> writer.insertInto(name);
            default -> writer.saveAsTable(name);
        }
    }

    /** {@code df.writeTo(table)...create()/append()/...}: Sluice's DataFrameWriterV2, with Spark 4.1's answers for session-catalog tables. */
    private void writeV2(WriteOperationV2 w) {
        Translation tx = new Translation(session);
        DataFrame df = new RelationTranslator(tx).translate(w.getInput());
        DataFrameWriterV2 writer = df.writeTo(w.getTableName()).options(w.getOptionsMap());
        if (w.hasProvider()) writer = writer.using(w.getProvider());
        w.getTablePropertiesMap().forEach(writer::tableProperty);
        if (w.getClusteringColumnsCount() > 0) {
            throw ConnectErrors.unsupported("writeTo(...).clusterBy", "Sluice's DataFrameWriterV2 does not build clustered tables; use df.write.clusterBy(...).saveAsTable(...)");
        }
        if (w.getPartitioningColumnsCount() > 0) {
            ExpressionTranslator expressions = new ExpressionTranslator(tx);
            List<Column> parts = new ArrayList<>();
            for (Expression e : w.getPartitioningColumnsList()) parts.add(partitioning(expressions, e, df));
            writer = writer.partitionedBy(parts.get(0), parts.subList(1, parts.size()).toArray(new Column[0]));
        }
        switch (w.getMode()) {
            case MODE_CREATE -> writer.create();
            case MODE_APPEND -> writer.append();
            case MODE_OVERWRITE -> writer.overwrite(new ExpressionTranslator(tx).translate(w.getOverwriteCondition(), df));
            case MODE_OVERWRITE_PARTITIONS -> writer.overwritePartitions();
            case MODE_REPLACE -> writer.replace();
            case MODE_CREATE_OR_REPLACE -> writer.createOrReplace();
            default -> throw ConnectErrors.unsupported("writeTo with mode " + w.getMode(), "use create, append, overwrite, overwritePartitions, replace or createOrReplace");
        }
    }

    /** A partitioning expression: the transforms (years, months, days, hours, bucket) are no functions, so they are built here. */
    private static Column partitioning(ExpressionTranslator expressions, Expression e, DataFrame df) {
        if (e.hasUnresolvedFunction()) {
            var f = e.getUnresolvedFunction();
            String name = f.getFunctionName().toLowerCase(Locale.ROOT);
            var args = f.getArgumentsList();
            switch (name) {
                case "years", "months", "days", "hours" -> {
                    if (args.size() == 1) {
                        Column c = expressions.translate(args.get(0), df);
                        return switch (name) {
                            case "years" -> functions.years(c);
                            case "months" -> functions.months(c);
                            case "days" -> functions.days(c);
                            default -> functions.hours(c);
                        };
                    }
                }
                case "bucket" -> {
                    if (args.size() == 2) return functions.bucket(expressions.translate(args.get(0), df), expressions.translate(args.get(1), df));
                }
                default -> { }
            }
        }
        return expressions.translate(e, df);
    }

    /** bucketBy / sortBy / clusterBy: the writer checks where each is allowed, as Spark's does. */
    private static DataFrameWriter layout(DataFrameWriter writer, WriteOperation w) {
        if (w.hasBucketBy()) {
            var b = w.getBucketBy();
            var cols = b.getBucketColumnNamesList();
            writer = writer.bucketBy(b.getNumBuckets(), cols.get(0), cols.subList(1, cols.size()).toArray(new String[0]));
        }
        if (w.getSortColumnNamesCount() > 0) {
            var cols = w.getSortColumnNamesList();
            writer = writer.sortBy(cols.get(0), cols.subList(1, cols.size()).toArray(new String[0]));
        }
        if (w.getClusteringColumnsCount() > 0) {
            var cols = w.getClusteringColumnsList();
            writer = writer.clusterBy(cols.get(0), cols.subList(1, cols.size()).toArray(new String[0]));
        }
        return writer;
    }

    private static String mode(WriteOperation.SaveMode m) {
        return switch (m) {
            case SAVE_MODE_APPEND -> "append";
            case SAVE_MODE_OVERWRITE -> "overwrite";
            case SAVE_MODE_IGNORE -> "ignore";
            default -> "errorifexists";
        };
    }

    private void view(CreateDataFrameViewCommand v) {
        DataFrame df = new RelationTranslator(new Translation(session)).translate(v.getInput());
        if (v.getIsGlobal()) {
            if (v.getReplace()) df.createOrReplaceGlobalTempView(v.getName());
            else df.createGlobalTempView(v.getName());
        } else {
            session.createView(v.getName(), df, v.getReplace());
        }
    }
}
