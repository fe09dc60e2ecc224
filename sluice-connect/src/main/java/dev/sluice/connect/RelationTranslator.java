package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.functions;
import org.apache.spark.connect.proto.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Protocol relations as Sluice DataFrames, built through the public API so that Sluice analyzes each step eagerly
 * (names, types and errors as the embedded API gives them). Reads, local data, aggregation, joins and the
 * {@code na} functions have their own files; a relation Sluice cannot express is refused by name.
 */
final class RelationTranslator {
    private final Translation tx;
    private final ExpressionTranslator expressions;

    RelationTranslator(Translation tx) {
        this.tx = tx;
        this.expressions = new ExpressionTranslator(tx);
    }

    Translation translation() { return tx; }

    ExpressionTranslator expressions() { return expressions; }

    DataFrame translate(Relation r) {
        DataFrame persisted = tx.session().persisted().get(r);   // the same DataFrame, so its cached rows are used
        if (persisted != null) return persisted;
        // the session's registered UDFs (spark.udf.register) are callable by name in expressions and SQL text
        DataFrame df = tx.session().sluice().udf().visibleTo(() -> translateKind(r));
        if (tx.subqueries().hasPending()) {
            // only filter, select and withColumns join the scalar subqueries their expressions hold
            throw ConnectErrors.unsupported("a scalar subquery in the relation " + r.getRelTypeCase().name().toLowerCase(Locale.ROOT),
                    "Sluice runs scalar subqueries in select, withColumn(s) and where/filter");
        }
        if (r.hasCommon() && r.getCommon().hasPlanId()) tx.remember(r.getCommon().getPlanId(), df);
        return df;
    }

    private DataFrame translateKind(Relation r) {
        switch (r.getRelTypeCase()) {
            case READ: return new ReadRelations(tx).read(r.getRead());
            case RANGE: return LocalRelations.range(tx.session(), r.getRange());
            case LOCAL_RELATION: return LocalRelations.local(tx.session(), r.getLocalRelation());
            case PROJECT: {
                var p = r.getProject();
                DataFrame in = p.hasInput() ? translate(p.getInput()) : LocalRelations.oneRow(tx.session());
                Column[] cols = columns(p.getExpressionsList(), p.hasInput() ? in : null);
                return tx.subqueries().hasPending() ? tx.subqueries().joinPending(in).select(cols) : in.select(cols);
            }
            case FILTER: {
                DataFrame in = translate(r.getFilter().getInput());
                return tx.subqueries().filter(this, in, r.getFilter().getCondition());
            }
            case WITH_COLUMNS: {
                DataFrame in = translate(r.getWithColumns().getInput());
                List<String> names = new ArrayList<>();
                List<Column> values = new ArrayList<>();
                for (var a : r.getWithColumns().getAliasesList()) {
                    if (a.getNameCount() != 1) throw ConnectErrors.unsupported("withColumns with a multi-name alias", "give one name per column");
                    names.add(a.getName(0));
                    Column value = expressions.translate(a.getExpr(), in);
                    values.add(a.hasMetadata() ? value.as(a.getName(0), dev.sluice.types.Metadata.fromJson(a.getMetadata())) : value);
                }
                List<String> hidden = tx.subqueries().pendingNames();
                DataFrame out = hidden.isEmpty() ? in : tx.subqueries().joinPending(in);
                for (int i = 0; i < names.size(); i++) out = out.withColumn(names.get(i), values.get(i));
                return hidden.isEmpty() ? out : out.drop(hidden.toArray(new String[0]));
            }
            case WITH_COLUMNS_RENAMED: {
                var w = r.getWithColumnsRenamed();
                DataFrame out = translate(w.getInput());
                for (var e : w.getRenameColumnsMapMap().entrySet()) out = out.withColumnRenamed(e.getKey(), e.getValue());
                for (var rn : w.getRenamesList()) out = out.withColumnRenamed(rn.getColName(), rn.getNewColName());
                return out;
            }
            case DROP: {
                var d = r.getDrop();
                DataFrame out = translate(d.getInput());
                DataFrame in = out;
                for (var c : d.getColumnsList()) {
                    try {
                        out = out.drop(expressions.translate(c, in));
                    } catch (dev.sluice.error.SluiceException e) {
                        // Spark: dropping a column that does not resolve (col("a.b.c") without such a nested field) is a no-op
                        if (e.code() != dev.sluice.error.ErrorCode.COLUMN_NOT_FOUND && e.code() != dev.sluice.error.ErrorCode.FIELD_NOT_FOUND) throw e;
                    }
                }
                if (d.getColumnNamesCount() > 0) out = out.drop(d.getColumnNamesList().toArray(new String[0]));
                return out;
            }
            case TO_DF: {
                var t = r.getToDf();
                DataFrame in = translate(t.getInput());
                String[] names = in.columns();
                if (names.length != t.getColumnNamesCount()) {
                    throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "toDF")
                            .with("reason", "it needs " + names.length + " names, but " + t.getColumnNamesCount() + " were given").build();
                }
                List<Column> cols = new ArrayList<>();
                for (int i = 0; i < names.length; i++) cols.add(in.col(names[i]).alias(t.getColumnNames(i)));
                return in.select(cols.toArray(new Column[0]));
            }
            case AGGREGATE: return new AggregateRelations(this).aggregate(r.getAggregate());
            case SORT: {
                var s = r.getSort();
                DataFrame in = translate(s.getInput());
                List<Column> order = new ArrayList<>();
                for (var o : s.getOrderList()) order.add(expressions.sortOrder(o, in));
                Column[] cols = order.toArray(new Column[0]);
                return s.hasIsGlobal() && !s.getIsGlobal() ? in.sortWithinPartitions(cols) : in.orderBy(cols);
            }
            case LIMIT: return translate(r.getLimit().getInput()).limit(r.getLimit().getLimit());
            case OFFSET: return translate(r.getOffset().getInput()).offset(r.getOffset().getOffset());
            case JOIN: return new JoinRelations(this).join(r.getJoin());
            case AS_OF_JOIN: return new JoinRelations(this).asOfJoin(r.getAsOfJoin());
            case LATERAL_JOIN: return new LateralJoinRelations(this).lateralJoin(r.getLateralJoin());
            case SET_OP: return new JoinRelations(this).setOperation(r.getSetOp());
            case DEDUPLICATE: {
                var d = r.getDeduplicate();
                if (d.getWithinWatermark()) throw ConnectErrors.unsupported("dropDuplicatesWithinWatermark", "Sluice has no streaming");
                DataFrame in = translate(d.getInput());
                if (d.getAllColumnsAsKeys() || d.getColumnNamesCount() == 0) return in.dropDuplicates();
                return in.dropDuplicates(d.getColumnNamesList().toArray(new String[0]));
            }
            case SUBQUERY_ALIAS: return translate(r.getSubqueryAlias().getInput()).alias(r.getSubqueryAlias().getAlias());
            case SHOW_STRING: {
                var s = r.getShowString();
                DataFrame in = translate(s.getInput());
                return LocalRelations.singleString(tx.session(), "show_string",
                        ShowStrings.spark(in.showString(s.getNumRows(), s.getTruncate(), s.getVertical())));
            }
            case HTML_STRING:
                throw ConnectErrors.unsupported("_repr_html_", "Sluice renders tables as text only (show())");
            case HINT: return PartitionRelations.hint(this, r.getHint());
            case REPARTITION: {
                var p = r.getRepartition();
                DataFrame in = translate(p.getInput());
                // coalesce(n) narrows without a shuffle; repartition(n) is a round-robin exchange into n partitions
                return p.hasShuffle() && !p.getShuffle() ? in.coalesce(p.getNumPartitions()) : in.repartition(p.getNumPartitions());
            }
            case REPARTITION_BY_EXPRESSION: return PartitionRelations.repartitionByExpression(this, r.getRepartitionByExpression());
            case COLLECT_METRICS: return PartitionRelations.collectMetrics(this, r.getCollectMetrics());
            case SQL: return SqlRelations.query(tx, r.getSql());
            case FILL_NA: return NaRelations.fill(this, r.getFillNa());
            case DROP_NA: return NaRelations.drop(this, r.getDropNa());
            case REPLACE: return NaRelations.replace(this, r.getReplace());
            case TO_SCHEMA: {
                var t = r.getToSchema();
                DataFrame in = translate(t.getInput());
                var schema = (dev.sluice.types.StructType) ProtoTypes.fromProto(t.getSchema());
                List<Column> cols = new ArrayList<>();
                for (var f : schema.fields()) cols.add(in.col(f.name()).cast(f.dataType()).alias(f.name()));
                return in.select(cols.toArray(new Column[0]));
            }
            case CORR: return new StatRelations(this).corr(r.getCorr());
            case COV: return new StatRelations(this).cov(r.getCov());
            case CROSSTAB: return new StatRelations(this).crosstab(r.getCrosstab());
            case FREQ_ITEMS: return new StatRelations(this).freqItems(r.getFreqItems());
            case APPROX_QUANTILE: return new StatRelations(this).approxQuantile(r.getApproxQuantile());
            case SAMPLE_BY: return new StatRelations(this).sampleBy(r.getSampleBy());
            case DESCRIBE: return new StatRelations(this).describe(r.getDescribe());
            case SUMMARY: return new StatRelations(this).summary(r.getSummary());
            case UNPIVOT: return UnpivotRelations.unpivot(this, r.getUnpivot());
            case SAMPLE: return sample(r.getSample());
            case CATALOG: return new CatalogRelations(tx.session()).translate(r.getCatalog());
            case MAP_PARTITIONS: return new PythonMapRelations(this).mapPartitions(r.getMapPartitions());
            case GROUP_MAP: return new PythonMapRelations(this).groupMap(r.getGroupMap());
            case CO_GROUP_MAP: return new PythonMapRelations(this).coGroupMap(r.getCoGroupMap());
            case TAIL: return tail(r.getTail());
            case COMMON_INLINE_USER_DEFINED_TABLE_FUNCTION:
                return new PythonTableFunctions(this).call(r.getCommonInlineUserDefinedTableFunction());
            case TRANSPOSE: return TransposeRelations.transpose(this, r.getTranspose());
            case WITH_RELATIONS: return tx.subqueries().withRelations(this, r.getWithRelations());
            case CACHED_REMOTE_RELATION: return Checkpoints.relation(tx.session(), r.getCachedRemoteRelation());
            case CACHED_LOCAL_RELATION: return LocalRelations.cached(tx.session(), r.getCachedLocalRelation());
            case CHUNKED_CACHED_LOCAL_RELATION: return LocalRelations.chunked(tx.session(), r.getChunkedCachedLocalRelation());
            default:
                throw ConnectErrors.unsupported("the relation " + r.getRelTypeCase().name().toLowerCase(Locale.ROOT),
                        "Sluice does not translate it");
        }
    }

    /**
     * {@code df.sample} (Bernoulli without replacement, Poisson with) and {@code randomSplit} (deterministic order:
     * each partition sorted first, so the pieces are disjoint and complete): {@link dev.sluice.Sampling}.
     */
    private DataFrame sample(org.apache.spark.connect.proto.Sample s) {
        DataFrame in = translate(s.getInput());
        long seed = s.hasSeed() ? s.getSeed() : new java.util.Random().nextLong();
        if (s.getWithReplacement()) {
            if (s.getUpperBound() - s.getLowerBound() < 0) throw ConnectErrors.unsupported("a negative sampling fraction", "give a fraction >= 0");
            return dev.sluice.Sampling.poisson(in, s.getUpperBound() - s.getLowerBound(), seed);
        }
        return dev.sluice.Sampling.bernoulli(in, s.getLowerBound(), s.getUpperBound(), seed, s.getDeterministicOrder());
    }

    /**
     * {@code tail(n)} below the top of a query: the last n rows of the input in its order. The partitions are read
     * one after another, in order, by one task (coalesce(1) keeps their order) that keeps the last n rows seen; lazy
     * like any relation, and it holds n rows.
     */
    private DataFrame tail(org.apache.spark.connect.proto.Tail t) {
        DataFrame in = translate(t.getInput());
        int n = t.getLimit();
        if (n < 0) {
            throw dev.sluice.error.SluiceException.of(dev.sluice.error.ErrorCode.INVALID_ARGUMENT).with("function", "tail")
                    .with("reason", "n must be >= 0, got " + n).build();
        }
        return in.coalesce(1).mapPartitions((partition, rows) -> {
            java.util.ArrayDeque<dev.sluice.types.Row> last = new java.util.ArrayDeque<>();
            while (rows.hasNext()) {
                dev.sluice.types.Row r = rows.next();
                if (n == 0) continue;
                if (last.size() == n) last.removeFirst();
                last.addLast(r);
            }
            return last.iterator();
        }, in.schema());
    }

    Column[] columns(List<org.apache.spark.connect.proto.Expression> exprs, DataFrame in) {
        return expressions.all(exprs, in).toArray(new Column[0]);
    }
}
