package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.expr.Alias;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Expression;
import dev.sluice.expr.UnresolvedColumn;
import dev.sluice.plan.Analyzer;
import dev.sluice.plan.Filter;
import dev.sluice.plan.InternalNames;
import dev.sluice.plan.JoinType;
import dev.sluice.plan.SetOperation;
import dev.sluice.plan.SubqueryAlias;
import dev.sluice.plan.Limit;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.plan.Sort;
import dev.sluice.plan.Union;
import dev.sluice.expr.SortOrder;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A lazy, immutable query. Transformations return a new DataFrame holding a bigger plan and read nothing;
 * the plan is analyzed at once, so a wrong column name fails at the line that wrote it. Actions
 * ({@link #count}, {@link #collect}, {@link #show}, {@link #write}) optimize the plan and run it on the
 * session's workers.
 */
public final class DataFrame {
    private final Sluice session;
    private final LogicalPlan plan;

    DataFrame(Sluice session, LogicalPlan plan) {
        this.session = session;
        // a plan naming an outer query's columns (Column.outer()) stays unanalyzed until a lateral join takes it in,
        // as Spark leaves its lazy outer references; it cannot run on its own
        this.correlated = LateralJoins.correlated(plan);
        if (correlated) {
            this.plan = plan;
            return;
        }
        // in the session zone: names print timestamp literals in it, as Spark's do
        try (dev.sluice.types.SessionZone zone = dev.sluice.types.SessionZone.enter(session.conf().sessionTimeZone())) {
            this.plan = new Analyzer(session.conf().ansi(), session.conf().timeTypeEnabled()).analyze(plan);
        }
    }

    private final boolean correlated;

    /** The plan to run or to read the schema of; one with outer references cannot run outside a lateral join. */
    private LogicalPlan runnable() {
        if (correlated) throw LateralJoins.outsideLateralJoin();
        return plan;
    }

    public Sluice session() { return session; }

    /** The analyzed logical plan. */
    public LogicalPlan logicalPlan() { return plan; }

    /** The optimized logical plan the embedded engine would run (cached sub-plans read from the cache). */
    public LogicalPlan optimizedPlan() {
        return new QueryExecution(session.cacheManager().useCached(runnable()), session.conf().snapshot(), dev.sluice.exec.PlannerContext.defaults()).optimized();
    }

    /** The output columns as the user sees them (internal join names shown by their display names). */
    public StructType schema() { return InternalNames.display(runnable().schema()); }

    public String[] columns() { return schema().fieldNames().toArray(new String[0]); }

    public void printSchema() { System.out.print(schema().treeString()); }

    // ---- transformations (lazy) ----

    public DataFrame select(Column... columns) {
        List<Expression> exprs = new ArrayList<>(columns.length);
        for (Column c : columns) exprs.add(keepUserSpelling(c.expr()));
        return new DataFrame(session, new Project(plan, exprs));
    }

    /** A bare name as written: the column's spelling, or the call a literal function stands for ({@code current_date()}). */
    private Expression keepUserSpelling(Expression e) {
        if (!correlated && e instanceof UnresolvedColumn) {
            Expression call = dev.sluice.plan.LiteralFunctions.substitute(e, plan.schema());
            if (call != e) return call;
        }
        return keepColumnSpelling(e);
    }

    public DataFrame select(String... columnNames) {
        Column[] cols = new Column[columnNames.length];
        for (int i = 0; i < cols.length; i++) cols[i] = functions.col(columnNames[i]);
        return select(cols);
    }

    /** Adds a column, or replaces the column of that name (matched ignoring case) in place. */
    public DataFrame withColumn(String name, Column value) {
        List<Expression> exprs = new ArrayList<>();
        boolean replaced = false;
        for (StructField f : runnable().schema().fields()) {
            if (InternalNames.display(f.name()).equalsIgnoreCase(name)) {
                exprs.add(named(value, name));
                replaced = true;
            } else {
                exprs.add(ref(f));
            }
        }
        if (!replaced) exprs.add(named(value, name));
        return new DataFrame(session, new Project(plan, exprs));
    }

    /**
     * Spark's {@code withMetadata}: the column {@code name} (matched ignoring case) with its metadata replaced;
     * COLUMN_NOT_FOUND when there is no such column.
     */
    public DataFrame withMetadata(String name, dev.sluice.types.Metadata columnMetadata) {
        String metadata = columnMetadata.json();
        List<Expression> exprs = new ArrayList<>();
        boolean found = false;
        for (StructField f : runnable().schema().fields()) {
            if (InternalNames.display(f.name()).equalsIgnoreCase(name)) {
                exprs.add(new Alias(ref(f), f.name(), metadata));
                found = true;
            } else {
                exprs.add(ref(f));
            }
        }
        if (!found) {
            throw SluiceException.of(ErrorCode.COLUMN_NOT_FOUND).with("column", name)
                    .with("suggestion", dev.sluice.plan.NameSuggestions.didYouMean(name, List.of(columns()))).build();
        }
        return new DataFrame(session, new Project(plan, exprs));
    }

    /** Renames a column; does nothing when there is no such column (as Spark). */
    public DataFrame withColumnRenamed(String existing, String newName) {
        List<Expression> exprs = new ArrayList<>();
        boolean found = false;
        for (StructField f : runnable().schema().fields()) {
            if (InternalNames.display(f.name()).equalsIgnoreCase(existing)) {
                exprs.add(new Alias(ref(f), newName));
                found = true;
            } else {
                exprs.add(ref(f));
            }
        }
        return found ? new DataFrame(session, new Project(plan, exprs)) : this;
    }

    /** Removes columns by name; names that do not exist are ignored (as Spark). */
    public DataFrame drop(String... columnNames) {
        List<Expression> exprs = new ArrayList<>();
        for (StructField f : runnable().schema().fields()) {
            boolean dropped = false;
            for (String n : columnNames) dropped |= InternalNames.display(f.name()).equalsIgnoreCase(n);
            if (!dropped) exprs.add(ref(f));
        }
        return exprs.size() == runnable().schema().size() ? this : new DataFrame(session, new Project(plan, exprs));
    }

    /** Removes the column {@code column} resolves to (say {@code other.col("id")} after a join); nothing if it is not a plain column. */
    public DataFrame drop(Column column) {
        LogicalPlan probe = new Analyzer(session.conf().ansi(), session.conf().timeTypeEnabled()).analyze(new Project(plan, List.of(column.expr())));
        Expression resolved = ((Project) probe).projections().get(0);
        if (resolved instanceof Alias a) resolved = a.child();
        if (!(resolved instanceof ColumnRef target)) return this;
        List<Expression> exprs = new ArrayList<>();
        for (StructField f : runnable().schema().fields()) if (!f.name().equals(target.name())) exprs.add(ref(f));
        return exprs.size() == runnable().schema().size() ? this : new DataFrame(session, new Project(plan, exprs));
    }

    public DataFrame filter(Column condition) { return new DataFrame(session, new Filter(plan, condition.expr())); }

    public DataFrame where(Column condition) { return filter(condition); }

    /**
     * At most {@code n} partitions, by concatenating neighbouring ones in order (no shuffle): {@code coalesce(1)}
     * writes a single file and keeps a sort's order.
     */
    public DataFrame coalesce(int n) {
        if (n < 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "coalesce").with("reason", "needs at least 1 partition, got " + n).build();
        }
        return new DataFrame(session, new dev.sluice.plan.CoalescePartitions(plan, n));
    }

    /**
     * Exactly {@code n} partitions, rows dealt round-robin by an exchange (Spark's {@code repartition(n)}): unlike
     * {@link #coalesce} it can add partitions; row order is not kept.
     */
    public DataFrame repartition(int n) {
        if (n < 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "repartition").with("reason", "needs at least 1 partition, got " + n).build();
        }
        return new DataFrame(session, new dev.sluice.plan.RoundRobinPartitions(plan, n));
    }

    /**
     * {@code n} partitions by a hash of the columns: a row goes to {@code pmod(hash(cols), n)} with Spark's Murmur3
     * {@code hash}, so equal keys meet and each partition holds the rows Spark's would ({@code spark_partition_id()}).
     */
    public DataFrame repartition(int n, Column... columns) {
        if (columns.length == 0) return repartition(n);
        checkPartitions("repartition", n);
        return new DataFrame(session, new dev.sluice.plan.RepartitionByExpression(plan, exprs(columns), n, dev.sluice.plan.RepartitionByExpression.Kind.HASH));
    }

    /** By a hash of the columns into {@code spark.sql.shuffle.partitions} partitions. */
    public DataFrame repartition(Column... columns) {
        if (columns.length == 0) return repartition(session.conf().shufflePartitions());
        return new DataFrame(session, new dev.sluice.plan.RepartitionByExpression(plan, exprs(columns), 0, dev.sluice.plan.RepartitionByExpression.Kind.HASH));
    }

    /**
     * {@code n} partitions each holding one range of the columns' values (ascending unless a column is a sort order
     * such as {@code col("x").desc()}), the bounds sampled from the data as Spark does. Sluice also sorts each
     * partition by the columns (it uses its sort's range exchange); Spark leaves them unsorted.
     */
    public DataFrame repartitionByRange(int n, Column... columns) {
        checkPartitions("repartitionByRange", n);
        return byRange(n, columns);
    }

    /** By ranges of the columns into {@code spark.sql.shuffle.partitions} partitions. */
    public DataFrame repartitionByRange(Column... columns) { return byRange(0, columns); }

    /**
     * {@code n} partitions, a row going to partition {@code pmod(partitionId, n)} (Spark 4.1's {@code repartitionById}):
     * {@code partitionId} is an integral column computed by the caller; a NULL id fails the query.
     */
    public DataFrame repartitionById(int n, Column partitionId) {
        checkPartitions("repartitionById", n);
        return new DataFrame(session, new dev.sluice.plan.RepartitionByExpression(plan, List.of(partitionId.expr()), n,
                dev.sluice.plan.RepartitionByExpression.Kind.DIRECT));
    }

    /** {@link #repartitionById(int, Column)} by a column's name. */
    public DataFrame repartitionById(int n, String partitionIdColumn) { return repartitionById(n, functions.col(partitionIdColumn)); }

    private DataFrame byRange(int n, Column[] columns) {
        if (columns.length == 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "repartitionByRange")
                    .with("reason", "at least one partition-by expression must be specified").build();
        }
        return new DataFrame(session, new dev.sluice.plan.RepartitionByExpression(plan, exprs(columns), n, dev.sluice.plan.RepartitionByExpression.Kind.RANGE));
    }

    private static void checkPartitions(String function, int n) {
        if (n < 1) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", function).with("reason", "needs at least 1 partition, got " + n).build();
        }
    }

    private static List<Expression> exprs(Column[] columns) {
        List<Expression> out = new ArrayList<>(columns.length);
        for (Column c : columns) out.add(c.expr());
        return out;
    }

    /**
     * Spark's {@code mapPartitions}: {@code function} gets each partition's rows (and the partition's index) as an
     * iterator and returns rows of {@code schema}, both streamed. Runs on the embedded engine only.
     */
    public DataFrame mapPartitions(dev.sluice.plan.PartitionFunction function, StructType schema) {
        return new DataFrame(session, new dev.sluice.plan.MapPartitions(plan, function, schema));
    }

    public DataFrame limit(int n) {
        if (n < 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "limit").with("reason", "the limit must be >= 0, got " + n).build();
        }
        return new DataFrame(session, new Limit(plan, n));
    }

    /** All rows but the first {@code n}, in partition order (Spark's {@code offset}; SQL's OFFSET). */
    public DataFrame offset(int n) {
        if (n < 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "offset").with("reason", "the offset must be >= 0, got " + n).build();
        }
        return new DataFrame(session, new dev.sluice.plan.Offset(plan, n));
    }

    /** Sorts the whole result: {@code orderBy(col("x").desc(), col("y"))}; plain columns sort ascending, nulls first. */
    public DataFrame orderBy(Column... columns) { return sorted(columns, true); }

    public DataFrame orderBy(String... columnNames) { return orderBy(cols(columnNames)); }

    public DataFrame sort(Column... columns) { return orderBy(columns); }

    public DataFrame sort(String... columnNames) { return orderBy(columnNames); }

    /** Sorts the rows of each partition, leaving the partitions as they are. */
    public DataFrame sortWithinPartitions(Column... columns) { return sorted(columns, false); }

    public DataFrame sortWithinPartitions(String... columnNames) { return sortWithinPartitions(cols(columnNames)); }

    /**
     * The rows of this DataFrame followed by those of {@code other} (duplicates kept, as Spark's union and
     * SQL's UNION ALL). Columns match by position and take the wider of the two types; names come from this
     * DataFrame.
     */
    public DataFrame union(DataFrame other) { return new DataFrame(session, new Union(List.of(plan, other.plan))); }

    public DataFrame unionAll(DataFrame other) { return union(other); }

    /** A union matching columns by name (ignoring case) instead of position. */
    public DataFrame unionByName(DataFrame other) { return unionByName(other, false); }

    /** With {@code allowMissingColumns}, a column only one side has is filled with nulls on the other side. */
    public DataFrame unionByName(DataFrame other, boolean allowMissingColumns) {
        LogicalPlan[] sides = UnionByName.align(plan, other.plan, allowMissingColumns);
        return new DataFrame(session, new Union(List.of(sides[0], sides[1])));
    }

    private DataFrame sorted(Column[] columns, boolean global) {
        if (columns.length == 0) return this;
        List<SortOrder> orders = new ArrayList<>(columns.length);
        for (Column c : columns) orders.add(SortOrder.of(c.expr()));
        return new DataFrame(session, new Sort(plan, orders, global));
    }

    private static Column[] cols(String... names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) out[i] = functions.col(names[i]);
        return out;
    }

    /** Groups the rows by these expressions, for {@link GroupedData#agg}. */
    public GroupedData groupBy(Column... columns) {
        List<Expression> exprs = new ArrayList<>(columns.length);
        for (Column c : columns) exprs.add(c.expr());
        return new GroupedData(this, exprs);
    }

    public GroupedData groupBy(String first, String... rest) {
        Column[] cols = new Column[rest.length + 1];
        cols[0] = functions.col(first);
        for (int i = 0; i < rest.length; i++) cols[i + 1] = functions.col(rest[i]);
        return groupBy(cols);
    }

    /** Aggregates the whole DataFrame as one group: {@code df.agg(count("*"), max("a"))}. */
    public DataFrame agg(Column first, Column... rest) { return groupBy().agg(first, rest); }

    /** Spark's map form over the whole DataFrame: {@code agg(Map.of("latency_ms", "max"))}. */
    public DataFrame agg(java.util.Map<String, String> aggregates) { return groupBy().agg(aggregates); }

    /** One row per distinct row (the first of equal rows, in partition order). */
    public DataFrame distinct() { return dropDuplicates(); }

    /** The same as {@link #distinct}. */
    public DataFrame dropDuplicates() { return withPlan(Deduplication.dropDuplicates(plan, List.of())); }

    /** One row per distinct value of these columns: the first such row in partition order (Spark: any one). */
    public DataFrame dropDuplicates(String first, String... rest) {
        List<String> names = new ArrayList<>();
        names.add(first);
        names.addAll(List.of(rest));
        return withPlan(Deduplication.dropDuplicates(plan, names));
    }

    public DataFrame dropDuplicates(String[] columnNames) {
        if (columnNames.length == 0) return dropDuplicates();
        return withPlan(Deduplication.dropDuplicates(plan, List.of(columnNames)));
    }

    DataFrame withPlan(LogicalPlan newPlan) { return new DataFrame(session, newPlan); }

    // ---- joins and set operations (logic in Joins) ----

    /**
     * This DataFrame's column {@code name}, usable in expressions over bigger plans built from it: after
     * {@code a.join(b, ...)}, {@code b.col("id")} is b's {@code id} even if a has one too.
     */
    public Column col(String name) { return Joins.columnOf(this, name); }

    /** Names this DataFrame so that {@code col("alias.x")} picks its column x (say in a self-join). */
    public DataFrame alias(String alias) { return new DataFrame(session, new SubqueryAlias(plan, alias)); }

    public DataFrame as(String alias) { return alias(alias); }

    /** Every pair of rows (an inner join without a condition, as Spark 4 allows). */
    public DataFrame join(DataFrame right) { return Joins.join(this, right, null, JoinType.INNER); }

    /** Inner join on equal values of column {@code usingColumn}, which appears once in the output. */
    public DataFrame join(DataFrame right, String usingColumn) { return join(right, List.of(usingColumn), "inner"); }

    public DataFrame join(DataFrame right, String usingColumn, String joinType) { return join(right, List.of(usingColumn), joinType); }

    public DataFrame join(DataFrame right, List<String> usingColumns) { return join(right, usingColumns, "inner"); }

    public DataFrame join(DataFrame right, String[] usingColumns, String joinType) { return join(right, List.of(usingColumns), joinType); }

    /**
     * Join on equal values of the USING columns: they come first and once (the left's for inner, left,
     * semi and anti joins, the right's for right joins, coalesce(left, right) for full joins), then the
     * other left columns, then the other right columns, as in Spark.
     */
    public DataFrame join(DataFrame right, List<String> usingColumns, String joinType) {
        return Joins.using(this, right, usingColumns, JoinType.parse(joinType));
    }

    public DataFrame join(DataFrame right, Column condition) { return join(right, condition, "inner"); }

    /** Joins on {@code condition}; all columns of both sides come out. Join types as Spark spells them. */
    public DataFrame join(DataFrame right, Column condition, String joinType) {
        return Joins.join(this, right, condition.expr(), JoinType.parse(joinType));
    }

    /**
     * A lateral join (Spark 4): {@code right} is evaluated per row of this DataFrame and may name that row's columns
     * with {@link Column#outer()}, as in {@code t1.lateralJoin(t2.where(col("t1.c1").outer().equalTo(col("c1"))))}.
     * Join types "inner", "cross" and "left". See {@link LateralJoins} for the shapes of {@code right} Sluice decorrelates.
     */
    public DataFrame lateralJoin(DataFrame right) { return LateralJoins.join(this, right, null, "inner"); }

    public DataFrame lateralJoin(DataFrame right, Column joinExprs) { return LateralJoins.join(this, right, joinExprs, "inner"); }

    public DataFrame lateralJoin(DataFrame right, String joinType) { return LateralJoins.join(this, right, null, joinType); }

    public DataFrame lateralJoin(DataFrame right, Column joinExprs, String joinType) { return LateralJoins.join(this, right, joinExprs, joinType); }

    /**
     * An as-of join (Spark's {@code joinAsOf}): each row meets the {@code right} row whose {@code rightAsOf} is nearest
     * to its {@code leftAsOf} in {@code direction} ("backward": at or below, "forward": at or above, "nearest"), among
     * the rows matching {@code condition} (null: all), within {@code tolerance} (null: any distance); {@code joinType}
     * "inner" or "left". See {@link AsOfJoins}.
     */
    public DataFrame joinAsOf(DataFrame right, Column leftAsOf, Column rightAsOf, Column condition, String joinType,
                              Column tolerance, boolean allowExactMatches, String direction) {
        return AsOfJoins.join(this, right, leftAsOf, rightAsOf, condition, joinType, tolerance, allowExactMatches, direction);
    }

    /** {@link #joinAsOf(DataFrame, Column, Column, Column, String, Column, boolean, String)} with equal {@code usingColumns}. */
    public DataFrame joinAsOf(DataFrame right, Column leftAsOf, Column rightAsOf, List<String> usingColumns, String joinType,
                              Column tolerance, boolean allowExactMatches, String direction) {
        Column condition = null;
        for (String c : usingColumns) {
            Column eq = col(c).equalTo(right.col(c));
            condition = condition == null ? eq : condition.and(eq);
        }
        return joinAsOf(right, leftAsOf, rightAsOf, condition, joinType, tolerance, allowExactMatches, direction);
    }

    public DataFrame crossJoin(DataFrame right) { return Joins.join(this, right, null, JoinType.CROSS); }

    /** Rows in both, without duplicates (NULLs equal), matching columns by position. */
    public DataFrame intersect(DataFrame other) { return setOperation(other, SetOperation.Kind.INTERSECT, false); }

    /** Rows in both, each as often as it occurs in both (the smaller count). */
    public DataFrame intersectAll(DataFrame other) { return setOperation(other, SetOperation.Kind.INTERSECT, true); }

    /** Rows of this one not in {@code other}, without duplicates (SQL's EXCEPT DISTINCT). */
    public DataFrame except(DataFrame other) { return setOperation(other, SetOperation.Kind.EXCEPT, false); }

    /** Rows of this one not in {@code other}, keeping duplicates beyond the other's count. */
    public DataFrame exceptAll(DataFrame other) { return setOperation(other, SetOperation.Kind.EXCEPT, true); }

    private DataFrame setOperation(DataFrame other, SetOperation.Kind kind, boolean all) {
        return new DataFrame(session, new SetOperation(plan, other.plan, kind, all));
    }

    /**
     * The plan actions run: the analyzed plan, with internal join column names turned back into the names
     * the user sees at the very top (results and written files carry those).
     */
    LogicalPlan outputPlan() {
        StructType s = runnable().schema();
        if (InternalNames.display(s) == s) return session.cacheManager().useCached(runnable());
        List<Expression> exprs = new ArrayList<>();
        for (StructField f : s.fields()) {
            String shown = InternalNames.display(f.name());
            exprs.add(shown.equals(f.name()) ? ref(f) : new Alias(ref(f), shown));
        }
        return new Project(session.cacheManager().useCached(runnable()), exprs);
    }

    // ---- explain ----

    /** Prints the physical plan. */
    public void explain() { System.out.print(explainString("simple")); }

    /**
     * Prints the plan in one of Spark's modes: {@code simple} (physical), {@code extended} (analyzed, optimized and
     * physical), {@code cost} (the optimized plan with size statistics), {@code formatted} (numbered operators, then
     * their details); {@code codegen} is refused (Sluice generates no code). Sluice's own {@code analyze} runs the query
     * and shows each operator's rows, batches, time and spill.
     */
    public void explain(String mode) { System.out.print(explainString(mode)); }

    public void explain(boolean extended) { explain(extended ? "extended" : "simple"); }

    public String explainString(String mode) { return session.engine().explain(session.cacheManager().useCached(runnable()), mode); }

    // ---- actions ----

    /** The number of rows. */
    public long count() {
        long n = session.engine().count(session.cacheManager().useCached(runnable()));
        completeObservations();
        return n;
    }

    /** Every row, in partition order. The whole result is held in memory: prefer {@link #toLocalIterator}. */
    public List<Row> collect() {
        List<Row> rows = session.engine().collect(outputPlan());
        completeObservations();
        return rows;
    }

    public List<Row> collectAsList() { return collect(); }

    public List<Row> take(int n) { return limit(n).collect(); }

    public List<Row> head(int n) { return take(n); }

    /** The first row; NoSuchElementException when there is none (as Spark). */
    public Row head() {
        List<Row> rows = take(1);
        if (rows.isEmpty()) throw new NoSuchElementException("the DataFrame is empty");
        return rows.get(0);
    }

    public Row first() { return head(); }

    public boolean isEmpty() { return take(1).isEmpty(); }

    /**
     * Streams the rows in partition order without holding the result: workers compute ahead a bounded
     * number of batches. Close the iterator to stop early (files close, tasks stop).
     */
    public CloseableIterator<Row> toLocalIterator() {
        return completingObservations(session.engine().toLocalIterator(outputPlan()));
    }

    /**
     * The rows as the engine's batches (read-only column vectors, in the order of {@link #toLocalIterator}), streamed
     * the same way: for consumers that write columns, such as Spark Connect's Arrow results. Close to stop early.
     */
    public CloseableIterator<dev.sluice.vector.Batch> toLocalBatches() {
        return completingObservations(session.engine().toLocalBatches(outputPlan()));
    }

    private <T> CloseableIterator<T> completingObservations(CloseableIterator<T> items) {
        if (observations().isEmpty()) return items;
        return new CloseableIterator<>() {   // read to the end: the action succeeded, its observations fill in
            @Override public boolean hasNext() {
                boolean more = items.hasNext();
                if (!more) completeObservations();
                return more;
            }

            @Override public T next() { return items.next(); }

            @Override public void close() { items.close(); }
        };
    }

    /** Writes the rows out: {@code write().mode("overwrite").json(path)}. */
    public DataFrameWriter write() { return new DataFrameWriter(this); }

    /** Writes the rows to the catalog's table {@code table} (Spark's DataFrameWriterV2): {@code writeTo("t").create()}. */
    public DataFrameWriterV2 writeTo(String table) { return new DataFrameWriterV2(this, table); }

    public void show() { show(20, 20); }

    public void show(int numRows) { show(numRows, 20); }

    public void show(boolean truncate) { show(20, truncate ? 20 : 0); }

    public void show(int numRows, boolean truncate) { show(numRows, truncate ? 20 : 0); }

    public void show(int numRows, int truncate) { show(numRows, truncate, false); }

    public void show(int numRows, int truncate, boolean vertical) {
        System.out.print(showString(numRows, truncate, vertical));
    }

    /** The text {@link #show} prints. */
    public String showString(int numRows, int truncate, boolean vertical) {
        int n = Math.max(0, numRows);
        List<Row> rows = take(n + 1);
        boolean more = rows.size() > n;
        return ShowTable.render(schema(), more ? rows.subList(0, n) : rows, more, n, truncate, vertical, session.conf().sessionTimeZone());
    }

    // ---- SQL: views and expression strings ----

    /** Registers this DataFrame as the temporary view {@code name} of its session, replacing one of that name. */
    public void createOrReplaceTempView(String name) { session.catalog().createTempView(name, plan, true); }

    /** As {@link #createOrReplaceTempView}, but TEMP_TABLE_OR_VIEW_ALREADY_EXISTS if the name is taken. */
    public void createTempView(String name) { session.catalog().createTempView(name, plan, false); }

    /** Registers a view every session of this JVM sees as {@code global_temp.name}. */
    public void createOrReplaceGlobalTempView(String name) { session.catalog().createGlobalTempView(name, plan, true); }

    public void createGlobalTempView(String name) { session.catalog().createGlobalTempView(name, plan, false); }

    /** A select of SQL expressions: {@code selectExpr("status", "upper(name) AS n", "*")}. */
    public DataFrame selectExpr(String... expressions) {
        Column[] cols = new Column[expressions.length];
        session.udf().visibleTo(() -> {   // the session's UDFs are callable by name
            for (int i = 0; i < cols.length; i++) cols[i] = functions.expr(expressions[i]);
            return null;
        });
        return select(cols);
    }

    /** Keeps the rows for which the SQL condition holds: {@code filter("status >= 400 AND path LIKE '/api/%'")}. */
    public DataFrame filter(String condition) { return filter(session.udf().visibleTo(() -> functions.expr(condition))); }

    public DataFrame where(String condition) { return filter(condition); }

    /** The same rows with the columns renamed, in order: {@code toDF("id", "name")}. */
    public DataFrame toDF(String... names) {
        StructType s = runnable().schema();
        if (names.length != s.size()) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "toDF")
                    .with("reason", "the DataFrame has " + s.size() + " columns, but " + names.length + " names were given").build();
        }
        List<Expression> exprs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            StructField f = s.field(i);
            exprs.add(InternalNames.display(f.name()).equals(names[i]) && f.name().equals(names[i]) ? ref(f) : new Alias(ref(f), names[i]));
        }
        return new DataFrame(session, new Project(plan, exprs));
    }

    /** Adds or replaces several columns at once; every value is computed from this DataFrame's columns (as Spark). */
    public DataFrame withColumns(java.util.Map<String, Column> columns) {
        List<Expression> exprs = new ArrayList<>();
        java.util.Map<String, Column> pending = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, Column> e : columns.entrySet()) pending.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        java.util.Set<String> done = new java.util.HashSet<>();
        for (StructField f : runnable().schema().fields()) {
            String shown = InternalNames.display(f.name());
            String key = shown.toLowerCase(Locale.ROOT);
            if (pending.containsKey(key)) {
                exprs.add(new Alias(pending.get(key).expr(), nameIn(columns, shown)));
                done.add(key);
            } else {
                exprs.add(ref(f));
            }
        }
        for (java.util.Map.Entry<String, Column> e : columns.entrySet()) {
            if (!done.contains(e.getKey().toLowerCase(Locale.ROOT))) exprs.add(new Alias(e.getValue().expr(), e.getKey()));
        }
        return new DataFrame(session, new Project(plan, exprs));
    }

    private static String nameIn(java.util.Map<String, ?> map, String name) {
        for (String k : map.keySet()) if (k.equalsIgnoreCase(name)) return k;
        return name;
    }

    /** Renames several columns at once (existing name → new name); names that do not exist are ignored, as Spark. */
    public DataFrame withColumnsRenamed(java.util.Map<String, String> renames) {
        List<Expression> exprs = new ArrayList<>();
        boolean any = false;
        for (StructField f : runnable().schema().fields()) {
            String shown = InternalNames.display(f.name());
            String target = null;
            for (java.util.Map.Entry<String, String> e : renames.entrySet()) if (e.getKey().equalsIgnoreCase(shown)) target = e.getValue();
            if (target != null) {
                exprs.add(new Alias(ref(f), target));
                any = true;
            } else {
                exprs.add(ref(f));
            }
        }
        return any ? new DataFrame(session, new Project(plan, exprs)) : this;
    }

    /** {@code df.transform(f)} is {@code f.apply(df)}: chains custom transformations. */
    public DataFrame transform(java.util.function.Function<DataFrame, DataFrame> f) { return f.apply(this); }

    /** The last {@code n} rows in partition order; holds only those {@code n} rows while it streams the result. */
    public List<Row> tail(int n) {
        if (n < 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "tail").with("reason", "n must be >= 0, got " + n).build();
        }
        java.util.ArrayDeque<Row> last = new java.util.ArrayDeque<>();
        if (n == 0) return List.of();
        try (CloseableIterator<Row> it = toLocalIterator()) {
            while (it.hasNext()) {
                if (last.size() == n) last.removeFirst();
                last.addLast(it.next());
            }
        }
        return new ArrayList<>(last);
    }

    /** True when the rows are held in memory as they are (a DataFrame made by createDataFrame), as Spark's LocalRelation. */
    public boolean isLocal() {
        return plan instanceof dev.sluice.plan.Scan s && s.source() instanceof dev.sluice.io.MemorySource;
    }

    /**
     * Spark's hints: {@code broadcast} (also broadcastjoin, mapjoin), the other join hints (merge, shuffle_hash,
     * shuffle_replicate_nl: accepted, Sluice picks its join strategy itself), {@code repartition(n, cols...)},
     * {@code repartition_by_range}, {@code rebalance} and {@code coalesce(n)}. Parameters are partition counts
     * (Integer), Columns or column names. An unknown hint is logged and ignored, as Spark does.
     */
    public DataFrame hint(String name, Object... parameters) { return Hints.apply(this, name, parameters); }

    /** Functions for missing values: {@code na().drop()}, {@code na().fill(0)}, {@code na().replace(...)}. */
    public NaFunctions na() { return new NaFunctions(this); }

    /**
     * count, mean, stddev, min and max of the numeric and string columns (all of them when none are named), as
     * strings in a column {@code summary} and one column per input column, as Spark's {@code describe}.
     */
    public DataFrame describe(String... columnNames) { return Describe.of(this, columnNames); }

    /**
     * Turns the {@code values} columns into rows, as Spark's unpivot: each output row holds the {@code ids} columns,
     * the value column's name (in {@code variableColumnName}) and its value (in {@code valueColumnName}, the values'
     * common type). NULL values are kept, as Spark.
     */
    public DataFrame unpivot(Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
        if (values.length == 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "unpivot").with("reason", "give at least one value column").build();
        }
        DataFrame out = null;
        for (Column v : values) {
            List<Column> cols = new ArrayList<>(List.of(ids));
            cols.add(functions.lit(dev.sluice.expr.Expressions.outputName(v.expr())).alias(variableColumnName));
            cols.add(v.alias(valueColumnName));
            DataFrame one = select(cols.toArray(new Column[0]));
            out = out == null ? one : out.union(one);
        }
        return out;
    }

    /** Unpivots every column that is not an id column. */
    public DataFrame unpivot(Column[] ids, String variableColumnName, String valueColumnName) {
        List<Column> values = new ArrayList<>();
        for (String c : columns()) {
            boolean isId = false;
            for (Column id : ids) isId |= dev.sluice.expr.Expressions.outputName(id.expr()).equalsIgnoreCase(c);
            if (!isId) values.add(col(c));
        }
        return unpivot(ids, values.toArray(new Column[0]), variableColumnName, valueColumnName);
    }

    /** The same as {@link #unpivot(Column[], Column[], String, String)}. */
    public DataFrame melt(Column[] ids, Column[] values, String variableColumnName, String valueColumnName) {
        return unpivot(ids, values, variableColumnName, valueColumnName);
    }

    public DataFrame melt(Column[] ids, String variableColumnName, String valueColumnName) {
        return unpivot(ids, variableColumnName, valueColumnName);
    }

    /** Each row as a JSON object text, in one string column {@code value} (Spark's toJSON; NULL fields left out). */
    public DataFrame toJSON() {
        String[] names = columns();
        Column[] cols = new Column[names.length];
        for (int i = 0; i < names.length; i++) cols[i] = col(names[i]).alias(names[i]);
        return select(functions.to_json(functions.struct(cols)).alias("value"));
    }

    /**
     * Calls {@code function} for every row, on the workers (one task per partition, so calls from different partitions
     * run concurrently and in no set order, as Spark). An exception thrown by the function fails the job with
     * FAILED_EXECUTE_UDF (its cause is the exception) and cancels the other tasks.
     */
    public void foreach(ForeachFunction function) {
        foreachPartition(rows -> {
            while (rows.hasNext()) function.call(rows.next());
        });
    }

    /** Calls {@code function} once per partition with that partition's rows (streamed), on the workers. */
    public void foreachPartition(ForeachPartitionFunction function) {
        session.engine().foreachPartition(outputPlan(), function);
        completeObservations();
    }

    /**
     * The files this DataFrame reads, each once, sorted (Spark's {@code inputFiles}: a best effort; in-memory and
     * generated inputs have none). Lists the sources' files, as Spark does.
     */
    public String[] inputFiles() {
        java.util.TreeSet<String> files = new java.util.TreeSet<>();
        dev.sluice.plan.Plans.transformUp(plan, node -> {
            if (node instanceof dev.sluice.plan.Scan scan) {
                for (dev.sluice.io.Split split : scan.source().splits()) if (split.filePath() != null) files.add(split.filePath());
            }
            return node;
        });
        return files.toArray(new String[0]);
    }

    // ---- helpers ----

    /** {@code value} named {@code name}, keeping metadata given with {@code value.as(n, metadata)}. */
    private static Alias named(Column value, String name) {
        return value.expr() instanceof Alias a && a.metadata() != null ? new Alias(a.child(), name, a.metadata()) : new Alias(value.expr(), name);
    }

    private static ColumnRef ref(StructField f) { return new ColumnRef(f.name(), f.dataType(), f.nullable()); }

    /** Spark names a selected column by the spelling the user wrote ({@code col("STATUS")} → {@code STATUS}). */
    private static Expression keepColumnSpelling(Expression e) {
        if (e instanceof UnresolvedColumn u && u.nameParts().size() == 1) return new Alias(e, u.nameParts().get(0));
        return e;
    }

    @Override public String toString() {
        List<String> parts = new ArrayList<>();
        for (StructField f : schema().fields()) parts.add(f.name() + ": " + f.dataType().simpleString());
        return "[" + String.join(", ", parts) + "]";
    }

    // ---- grouping sets (Spark's rollup, cube, groupingSets) ----

    /** Groups by {@code (a, b)}, {@code (a)} and {@code ()}: subtotals and a grand total. */
    public GroupingSetsData rollup(Column... columns) {
        return new GroupingSetsData(this, List.of(columns), dev.sluice.sql.GroupingSets.rollup(List.of(columns)));
    }

    public GroupingSetsData rollup(String... columns) { return rollup(columnsNamed(columns)); }

    /** Groups by every subset of the columns: {@code (a, b)}, {@code (a)}, {@code (b)}, {@code ()}. */
    public GroupingSetsData cube(Column... columns) {
        return new GroupingSetsData(this, List.of(columns), dev.sluice.sql.GroupingSets.cube(List.of(columns)));
    }

    public GroupingSetsData cube(String... columns) { return cube(columnsNamed(columns)); }

    /** Groups by each of {@code sets} (subsets of {@code columns}, which the result carries), as Spark 4's groupingSets. */
    public GroupingSetsData groupingSets(List<List<Column>> sets, Column... columns) {
        return new GroupingSetsData(this, List.of(columns), sets);
    }

    private static Column[] columnsNamed(String... names) {
        Column[] out = new Column[names.length];
        for (int i = 0; i < names.length; i++) out[i] = functions.col(names[i]);
        return out;
    }

    // ---- random samples (Spark's sample, randomSplit) ----

    /** About {@code fraction} of the rows, each kept independently (a random seed). */
    public DataFrame sample(double fraction) { return sample(false, fraction, new java.util.Random().nextLong()); }

    /** About {@code fraction} of the rows, each kept independently; the same seed and partitioning give the same rows. */
    public DataFrame sample(double fraction, long seed) { return sample(false, fraction, seed); }

    public DataFrame sample(boolean withReplacement, double fraction) { return sample(withReplacement, fraction, new java.util.Random().nextLong()); }

    /** With replacement, each row appears a Poisson({@code fraction}) number of times. */
    public DataFrame sample(boolean withReplacement, double fraction, long seed) {
        return Sampling.sample(this, withReplacement, fraction, seed);
    }

    /** Disjoint pieces holding every row, sized about as the (normalized) weights. */
    public DataFrame[] randomSplit(double[] weights, long seed) { return Sampling.randomSplit(this, weights, seed); }

    public DataFrame[] randomSplit(double[] weights) { return randomSplit(weights, new java.util.Random().nextLong()); }

    /** Statistics of this DataFrame (Spark's {@code df.stat}): corr, cov, crosstab, freqItems, approxQuantile, sampleBy. */
    public DataFrameStatFunctions stat() { return new DataFrameStatFunctions(this); }

    // ---- caching (Spark's cache, persist, unpersist) ----

    /**
     * Keeps this DataFrame's rows once an action has computed them: later actions on it, or on DataFrames built from
     * it, read the stored batches instead of recomputing (explain shows {@code InMemoryRelation}). Lazy, as Spark:
     * nothing runs until an action. The rows live in the session's memory budget and spill to disk when the pool
     * needs the memory. Level MEMORY_AND_DISK, Spark's default.
     */
    public DataFrame cache() { return persist(StorageLevel.MEMORY_AND_DISK); }

    public DataFrame persist() { return cache(); }

    /** As {@link #cache}, with a storage level (DISK_ONLY writes every batch to disk at once). */
    public DataFrame persist(StorageLevel level) {
        if (level == null || level.equals(StorageLevel.NONE)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "persist").with("reason", "give a storage level other than NONE").build();
        }
        session.cacheManager().cache(plan, level, null, session.conf());
        return this;
    }

    /**
     * Forgets the stored rows (their memory and files are freed); nothing happens when this DataFrame is not cached.
     * On a {@link #localCheckpoint} it frees the checkpoint's rows: a later action computes them again.
     */
    public DataFrame unpersist() {
        if (plan instanceof dev.sluice.plan.CachedRelation c && session.cacheManager().releaseCheckpoint(c.data())) return this;
        session.cacheManager().uncache(plan);
        return this;
    }

    /**
     * Spark's {@code sameSemantics}: true when both DataFrames' analyzed plans compute the same rows the same way,
     * whatever their columns are named ({@link dev.sluice.plan.CanonicalPlans}).
     */
    public boolean sameSemantics(DataFrame other) {
        return dev.sluice.plan.CanonicalPlans.of(plan).equals(dev.sluice.plan.CanonicalPlans.of(other.plan));
    }

    /** Spark's {@code semanticHash}: equal for DataFrames of the same semantics ({@link #sameSemantics}). */
    public int semanticHash() { return dev.sluice.plan.CanonicalPlans.of(plan).hashCode(); }

    /**
     * Spark's {@code localCheckpoint()}: the rows computed now (eager) and kept by the session, level MEMORY_AND_DISK
     * (in the memory budget, spilled to disk when the pool needs the memory); the DataFrame returned reads them
     * instead of its plan, so later changes of the inputs (a rewritten file) do not show, and its plan is one leaf.
     */
    public DataFrame localCheckpoint() { return localCheckpoint(true); }

    /** As {@link #localCheckpoint()}; not {@code eager}: the first action on the result computes and keeps the rows. */
    public DataFrame localCheckpoint(boolean eager) { return localCheckpoint(eager, StorageLevel.MEMORY_AND_DISK); }

    /** As {@link #localCheckpoint(boolean)}, kept at {@code level} (DISK_ONLY writes every batch to disk at once). */
    public DataFrame localCheckpoint(boolean eager, StorageLevel level) {
        if (level == null || level.equals(StorageLevel.NONE)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "localCheckpoint").with("reason", "give a storage level other than NONE").build();
        }
        DataFrame checkpointed = new DataFrame(session, new dev.sluice.plan.CachedRelation(
                session.cacheManager().checkpoint(plan, level, session.conf())));
        if (eager) checkpointed.count();
        return checkpointed;
    }

    /** {@code blocking} has no effect: freeing is immediate. */
    public DataFrame unpersist(boolean blocking) { return unpersist(); }

    /** The level this DataFrame is cached at, {@link StorageLevel#NONE} when it is not. */
    public StorageLevel storageLevel() {
        return session.cacheManager().lookup(plan).map(CacheManager.Entry::level).orElse(StorageLevel.NONE);
    }

    /** True when this DataFrame is cached (PySpark's {@code is_cached}). */
    public boolean isCached() { return session.cacheManager().lookup(plan).isPresent(); }

    // ---- observed metrics (Spark's observe) ----

    /**
     * The same rows, with named aggregate metrics ({@code count(lit(1)).alias("rows")}, {@code max(col("x")).alias("m")})
     * computed over them while the next action runs; read them from {@code observation} once it succeeded. Each
     * metric must be named and aggregate every column it reads, as Spark requires. On the Spark engine, Spark's own
     * observe computes them.
     */
    public DataFrame observe(Observation observation, Column metric, Column... more) {
        List<Expression> metrics = new ArrayList<>();
        metrics.add(metric.expr());
        for (Column c : more) metrics.add(c.expr());
        return new DataFrame(session, new dev.sluice.plan.CollectMetrics(plan, observation.name(), metrics, observation));
    }

    /** As {@link #observe(Observation, Column, Column...)} under {@code name}; read the values with {@link #observedMetrics}. */
    public DataFrame observe(String name, Column metric, Column... more) { return observe(new Observation(name), metric, more); }

    /** The metrics of the observations in this DataFrame's plan that an action has filled, by name (Spark's observedMetrics). */
    public java.util.Map<String, Row> observedMetrics() {
        java.util.Map<String, Row> out = new java.util.LinkedHashMap<>();
        for (Observation o : observations()) o.row().ifPresent(r -> out.put(o.name(), r));
        return out;
    }

    /** An action succeeded: the observations it ran fill in (package-private: the writer calls it too). */
    void completeObservations() { for (Observation o : observations()) o.complete(); }

    private List<Observation> observations() {
        List<Observation> out = new ArrayList<>();
        dev.sluice.plan.Plans.transformUp(plan, node -> {
            if (node instanceof dev.sluice.plan.CollectMetrics c && c.observer() instanceof Observation o) out.add(o);
            return node;
        });
        return out;
    }
}
