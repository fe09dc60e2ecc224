package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.DataFrameWriter;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.CreateDataFrameViewCommand;
import org.apache.spark.connect.proto.WriteOperation;

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
