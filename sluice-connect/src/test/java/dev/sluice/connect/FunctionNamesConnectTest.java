package dev.sluice.connect;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.apache.spark.connect.proto.Expression;
import org.apache.spark.connect.proto.Project;
import org.apache.spark.connect.proto.Range;
import org.apache.spark.connect.proto.Relation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions as PySpark sends them, translated by the server: the columns are named as Spark names them (the same
 * naming code as SQL and the embedded API), a bare {@code *} among a function's arguments is every input column,
 * and a lambda's struct variable has fields ({@code acc.sum}) before its function types it.
 */
class FunctionNamesConnectTest {
    static final Sluice SLUICE = Sluice.builder().parallelism(2).build();
    static final ConnectSession SESSION = new ConnectSession("names", SLUICE);

    @AfterAll static void stop() { SLUICE.close(); }

    private static DataFrame select(Expression... expressions) {
        Relation range = Relation.newBuilder().setRange(Range.newBuilder().setEnd(3).setStep(1).setNumPartitions(1)).build();
        Project.Builder p = Project.newBuilder().setInput(range);
        for (Expression e : expressions) p.addExpressions(e);
        return new RelationTranslator(new Translation(SESSION)).translate(Relation.newBuilder().setProject(p).build());
    }

    private static Expression attr(String name) {
        return Expression.newBuilder().setUnresolvedAttribute(Expression.UnresolvedAttribute.newBuilder().setUnparsedIdentifier(name)).build();
    }

    private static Expression call(String fn, Expression... args) {
        var f = Expression.UnresolvedFunction.newBuilder().setFunctionName(fn);
        for (Expression a : args) f.addArguments(a);
        return Expression.newBuilder().setUnresolvedFunction(f).build();
    }

    private static Expression lit(int v) { return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setInteger(v)).build(); }

    private static Expression lit(double v) { return Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setDouble(v)).build(); }

    private static Expression alias(Expression e, String name) {
        return Expression.newBuilder().setAlias(Expression.Alias.newBuilder().setExpr(e).addName(name)).build();
    }

    private static Expression var(String name) {
        return Expression.newBuilder().setUnresolvedNamedLambdaVariable(Expression.UnresolvedNamedLambdaVariable.newBuilder().addNameParts(name)).build();
    }

    private static Expression field(Expression child, String name) {
        return Expression.newBuilder().setUnresolvedExtractValue(Expression.UnresolvedExtractValue.newBuilder().setChild(child)
                .setExtraction(Expression.newBuilder().setLiteral(Expression.Literal.newBuilder().setString(name)))).build();
    }

    private static Expression lambda(Expression body, String... parameters) {
        var l = Expression.LambdaFunction.newBuilder().setFunction(body);
        for (String p : parameters) l.addArguments(Expression.UnresolvedNamedLambdaVariable.newBuilder().addNameParts(p));
        return Expression.newBuilder().setLambdaFunction(l).build();
    }

    @Test void columnsAreNamedAsSparkNamesThem() {
        DataFrame df = select(call("equal_null", attr("id"), lit(1)), call("try_add", attr("id"), lit(1)), call("~", attr("id")),
                call("&", attr("id"), lit(3)), call("zeroifnull", attr("id")), call("mask", call("string", attr("id"))),
                call("substr", call("string", attr("id")), lit(1), lit(2)));
        assertThat(df.columns()).containsExactly("equal_null(id, 1)", "try_add(id, 1)", "~id", "(id & 3)", "zeroifnull(id)",
                "mask(id, X, x, n, NULL)", "substr(id, 1, 2)");
        assertThat(df.collect().get(1).get(0)).isEqualTo(true);
    }

    @Test void aStarAmongAFunctionsArgumentsIsEveryInputColumn() {
        Expression star = Expression.newBuilder().setUnresolvedStar(Expression.UnresolvedStar.newBuilder()).build();
        DataFrame df = select(attr("id"), alias(call("+", attr("id"), lit(10)), "x"));
        Relation over = Relation.newBuilder().setProject(Project.newBuilder()
                .setInput(Relation.newBuilder().setSql(org.apache.spark.connect.proto.SQL.newBuilder().setQuery("SELECT id, id + 10 AS x FROM range(3)")))
                .addExpressions(call("hash", star))).build();
        DataFrame hashed = new RelationTranslator(new Translation(SESSION)).translate(over);
        assertThat(hashed.columns()[0]).isEqualTo("hash(id, x)");
        assertThat(hashed.collect().get(0).get(0)).isEqualTo(df.select(dev.sluice.functions.hash(dev.sluice.functions.col("id"),
                dev.sluice.functions.col("x"))).collect().get(0).get(0));
    }

    @Test void aLambdasStructVariableHasFieldsBeforeItIsTyped() {
        // aggregate(array(1.0, 2.0, 3.0), struct(0 AS count, 0.0 AS sum), (acc, x) -> struct(acc.count + 1 AS count, acc.sum + x AS sum),
        //           acc -> acc.sum / acc.count)
        Expression zero = call("struct", alias(lit(0), "count"), alias(lit(0.0), "sum"));
        Expression merge = lambda(call("struct", alias(call("+", field(var("acc"), "count"), lit(1)), "count"),
                alias(call("+", field(var("acc"), "sum"), var("x")), "sum")), "acc", "x");
        Expression finish = lambda(call("/", field(var("acc"), "sum"), field(var("acc"), "count")), "acc");
        DataFrame df = select(alias(call("aggregate", call("array", lit(1.0), lit(2.0), lit(3.0)), zero, merge, finish), "mean"));
        List<Row> rows = df.collect();
        assertThat(rows.get(0).get(0)).isEqualTo(2.0);
    }

    @Test void conditionalsInsideLambdasSeeTheirOwnElements() {
        // transform(array(1, 2, 3, 4), (x, i) -> CASE WHEN i % 2 = 0 THEN x ELSE -x END): the branches see the matching x
        Expression body = call("when", call("==", call("%", var("i"), lit(2)), lit(0)), var("x"), call("negative", var("x")));
        DataFrame df = select(alias(call("transform", call("array", lit(1), lit(2), lit(3), lit(4)), lambda(body, "x", "i")), "t"));
        assertThat((List<Object>) df.collect().get(0).get(0)).isEqualTo(Arrays.asList(1, -2, 3, -4));
    }
}
