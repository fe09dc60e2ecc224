package dev.sluice.connect;

import dev.sluice.DataFrame;
import org.apache.spark.connect.proto.AnalyzePlanRequest;
import org.apache.spark.connect.proto.AnalyzePlanResponse;
import org.apache.spark.connect.proto.Plan;
import org.apache.spark.connect.proto.Relation;

import java.util.Locale;

/** AnalyzePlan: schemas, printSchema, explain, version, DDL parsing and the other questions about a plan. */
final class Analyzer {
    static final String SPARK_VERSION = "4.1.1";

    private final ConnectSession session;

    Analyzer(ConnectSession session) { this.session = session; }

    AnalyzePlanResponse.Builder analyze(AnalyzePlanRequest req) {
        AnalyzePlanResponse.Builder out = AnalyzePlanResponse.newBuilder()
                .setSessionId(session.sessionId()).setServerSideSessionId(session.serverSideId());
        switch (req.getAnalyzeCase()) {
            case SPARK_VERSION:
                return out.setSparkVersion(AnalyzePlanResponse.SparkVersion.newBuilder().setVersion(SPARK_VERSION));
            case SCHEMA:
                return out.setSchema(AnalyzePlanResponse.Schema.newBuilder()
                        .setSchema(ProtoTypes.toProto(dataFrame(req.getSchema().getPlan()).schema())));
            case TREE_STRING: {
                String tree = dataFrame(req.getTreeString().getPlan()).schema().treeString();
                return out.setTreeString(AnalyzePlanResponse.TreeString.newBuilder().setTreeString(tree));
            }
            case EXPLAIN: {
                DataFrame df = dataFrame(req.getExplain().getPlan());
                String mode = switch (req.getExplain().getExplainMode()) {
                    case EXPLAIN_MODE_EXTENDED -> "extended";
                    case EXPLAIN_MODE_FORMATTED -> "formatted";
                    case EXPLAIN_MODE_COST -> "cost";
                    case EXPLAIN_MODE_CODEGEN -> "codegen";
                    default -> "simple";
                };
                return out.setExplain(AnalyzePlanResponse.Explain.newBuilder().setExplainString(SparkExplainLayout.of(df.explainString(mode), mode)));
            }
            case IS_LOCAL: {
                // as Spark's Dataset.isLocal: the plan is rows held by the driver (a local relation, or a command's
                // result such as SHOW TABLES); a range is computed by tasks
                var plan = dataFrame(req.getIsLocal().getPlan()).logicalPlan();
                boolean local = plan instanceof dev.sluice.plan.Scan scan && (scan.source() instanceof dev.sluice.io.MemorySource
                        || scan.source() instanceof LocalBatchSource);
                return out.setIsLocal(AnalyzePlanResponse.IsLocal.newBuilder().setIsLocal(local));
            }
            case IS_STREAMING:
                dataFrame(req.getIsStreaming().getPlan());
                return out.setIsStreaming(AnalyzePlanResponse.IsStreaming.newBuilder().setIsStreaming(false));
            case INPUT_FILES: {
                var files = AnalyzePlanResponse.InputFiles.newBuilder();
                collectPaths(req.getInputFiles().getPlan().getRoot(), files);
                return out.setInputFiles(files);
            }
            case DDL_PARSE:
                return out.setDdlParse(AnalyzePlanResponse.DDLParse.newBuilder()
                        .setParsed(ProtoTypes.toProto(SchemaStrings.parseType(req.getDdlParse().getDdlString()))));
            case JSON_TO_DDL:
                return out.setJsonToDdl(AnalyzePlanResponse.JsonToDDL.newBuilder()
                        .setDdlString(SchemaStrings.parseSchema(req.getJsonToDdl().getJsonString()).toDDL()));
            case SAME_SEMANTICS: {
                DataFrame a = dataFrame(req.getSameSemantics().getTargetPlan());
                DataFrame b = dataFrame(req.getSameSemantics().getOtherPlan());
                boolean same = a.sameSemantics(b);
                return out.setSameSemantics(AnalyzePlanResponse.SameSemantics.newBuilder().setResult(same));
            }
            case SEMANTIC_HASH:
                return out.setSemanticHash(AnalyzePlanResponse.SemanticHash.newBuilder()
                        .setResult(dataFrame(req.getSemanticHash().getPlan()).semanticHash()));
            case PERSIST:
                CacheRequests.persist(session, req.getPersist());
                return out.setPersist(AnalyzePlanResponse.Persist.getDefaultInstance());
            case UNPERSIST:
                CacheRequests.unpersist(session, req.getUnpersist());
                return out.setUnpersist(AnalyzePlanResponse.Unpersist.getDefaultInstance());
            case GET_STORAGE_LEVEL:
                return out.setGetStorageLevel(AnalyzePlanResponse.GetStorageLevel.newBuilder()
                        .setStorageLevel(CacheRequests.storageLevel(session, req.getGetStorageLevel())));
            default:
                throw ConnectErrors.unsupported("the analysis " + req.getAnalyzeCase().name().toLowerCase(Locale.ROOT), "unknown request");
        }
    }

    private DataFrame dataFrame(Plan plan) {
        if (!plan.hasRoot()) throw ConnectErrors.unsupported("analyzing a command", "only queries have a schema");
        return new RelationTranslator(new Translation(session)).translate(plan.getRoot());
    }

    /** The paths of every file read the plan names (InputFiles), walking the relation tree. */
    private static void collectPaths(Relation r, AnalyzePlanResponse.InputFiles.Builder out) {
        if (r.hasRead() && r.getRead().hasDataSource()) out.addAllFiles(r.getRead().getDataSource().getPathsList());
        for (var field : r.getAllFields().entrySet()) {
            Object v = field.getValue();
            if (v instanceof Relation child) collectPaths(child, out);
            else if (v instanceof com.google.protobuf.Message m) {
                for (var inner : m.getAllFields().values()) if (inner instanceof Relation child) collectPaths(child, out);
            }
        }
    }
}
