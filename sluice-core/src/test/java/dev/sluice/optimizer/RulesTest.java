package dev.sluice.optimizer;

import dev.sluice.expr.Alias;
import dev.sluice.expr.And;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.FromJson;
import dev.sluice.expr.Size;
import dev.sluice.expr.GetStructField;
import dev.sluice.expr.IsNotNull;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DdlParser;
import org.junit.jupiter.api.Test;

import static dev.sluice.optimizer.RuleAssert.assertRule;
import static dev.sluice.optimizer.RuleAssert.col;

class RulesTest {
    private static Comparison gt(Object a, Object b) { return cmp(Comparison.Op.GT, a, b); }

    private static Comparison eq(Object a, Object b) { return cmp(Comparison.Op.EQ, a, b); }

    private static Comparison cmp(Comparison.Op op, Object a, Object b) {
        return new Comparison(op, a instanceof String s ? col(s) : Literal.of(a), b instanceof String s ? col(s) : Literal.of(b));
    }

    @Test void mergesAdjacentFilters() {
        assertRule(new MergeFilters())
                .on(p -> p.filter(gt("a", 1), p.filter(eq("b", 2), p.scan("t", "a INT, b INT"))))
                .produces("""
                        Filter: ((b = 2) AND (a > 1))
                          Scan: test t [a, b]
                        """);
    }

    @Test void leavesASingleFilterAlone() {
        assertRule(new MergeFilters()).on(p -> p.filter(gt("a", 1), p.scan("t", "a INT"))).doesNotFire();
    }

    @Test void pushesFilterBelowProjectInliningAliases() {
        assertRule(new PushFilterThroughProject())
                .on(p -> p.filter(gt("x", 10), p.project(p.scan("t", "a INT, b INT"),
                        new Alias(new Arithmetic(Arithmetic.Op.ADD, col("a"), Literal.of(1)), "x"), col("b"))))
                .produces("""
                        Project: [(a + 1) AS x, b]
                          Filter: ((a + 1) > 10)
                            Scan: test t [a, b]
                        """);
    }

    @Test void collapsesProjectsOfCheapExpressions() {
        assertRule(new CollapseProject())
                .on(p -> p.project(p.project(p.scan("t", "a INT, b INT"),
                        new Alias(new Arithmetic(Arithmetic.Op.ADD, col("a"), Literal.of(1)), "x"), col("b")), new Alias(col("x"), "y")))
                .produces("""
                        Project: [(a + 1) AS y]
                          Scan: test t [a, b]
                        """);
    }

    @Test void doesNotCollapseWhenFromJsonWouldRunTwice() {
        FromJson parse = new FromJson(col("rb"), DdlParser.parseType("struct<a:int,b:string>"), JsonOptions.DEFAULT);
        assertRule(new CollapseProject())
                .on(p -> p.project(p.project(p.scan("t", "rb STRING"), new Alias(parse, "c")), col("c.a"), col("c.b")))
                .doesNotFire();
    }

    @Test void foldsConstants() {
        assertRule(new ConstantFolding())
                .on(p -> p.filter(new Comparison(Comparison.Op.GT, col("a"),
                        new Arithmetic(Arithmetic.Op.ADD, Literal.of(1), Literal.of(2))), p.scan("t", "a INT")))
                .produces("""
                        Filter: (a > 3)
                          Scan: test t [a]
                        """);
    }

    @Test void leavesAFailingConstantForRunTime() {
        assertRule(new ConstantFolding())
                .on(p -> p.filter(new Comparison(Comparison.Op.GT, col("a"),
                        new Arithmetic(Arithmetic.Op.REMAINDER, Literal.of(1), Literal.of(0))), p.scan("t", "a INT")))
                .doesNotFire();
    }

    @Test void dropsAlwaysTrueFilters() {
        assertRule(new SimplifyFilters())
                .on(p -> p.filter(new And(Literal.TRUE, gt("a", 1)), p.scan("t", "a INT")))
                .produces("""
                        Filter: (a > 1)
                          Scan: test t [a]
                        """);
    }

    @Test void combinesLimits() {
        assertRule(new CombineLimits())
                .on(p -> p.limit(10, p.limit(5, p.scan("t", "a INT"))))
                .produces("""
                        Limit: 5
                          Scan: test t [a]
                        """);
    }

    @Test void removesAProjectThatChangesNothing() {
        assertRule(new RemoveRedundantProject())
                .on(p -> p.project(p.scan("t", "a INT, b INT"), col("a"), col("b")))
                .produces("""
                        Scan: test t [a, b]
                        """);
    }

    @Test void prunesUnusedColumnsFromTheScan() {
        assertRule(new PruneColumns())
                .on(p -> p.project(p.filter(gt("b", 1), p.scan("t", "a INT, b INT, c STRING")), col("a")))
                .produces("""
                        Project: [a]
                          Filter: (b > 1)
                            Scan: test t [a, b]
                        """);
    }

    @Test void prunesNestedFieldsOfAStructColumn() {
        assertRule(new PruneColumns())
                .on(p -> p.project(p.scan("t", "s STRUCT<x: INT, y: STRING, z: DOUBLE>, k INT"), col("s.y")))
                .produces("""
                        Project: [s.y AS y]
                          Scan: test t [s:struct<y:string>]
                        """);
    }

    @Test void narrowsFromJsonToTheFieldsUsed() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint,country:string>,error:struct<code:string>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.project(p.scan("t", "ts STRING, rb STRING, status INT"), col("ts"), new Alias(parse, "c")),
                        col("c.user.country")))
                .produces("""
                        Project: [c.user.country AS country]
                          Project: [from_json(rb, struct<user:struct<country:string>>) AS c]
                            Scan: test t [rb]
                        """);
    }

    @Test void sizeOfAParsedArrayParsesOneFieldOfItsElements() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint>,items:array<struct<qty:int,sku:string,price:double>>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.project(p.scan("t", "ts STRING, rb STRING"), new Alias(parse, "c")),
                        new Alias(new Size(col("c.items")), "n")))
                .produces("""
                        Project: [size(c.items) AS n]
                          Project: [from_json(rb, struct<items:array<struct<qty:int>>>) AS c]
                            Scan: test t [rb]
                        """);
    }

    /** A first field that is a string converts from any value: the elements keep no field and are only counted. */
    @Test void sizeOfAParsedArrayWhoseFirstFieldIsAStringCountsItsElements() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint>,items:array<struct<sku:string,qty:int,price:double>>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.project(p.scan("t", "ts STRING, rb STRING"), new Alias(parse, "c")),
                        new Alias(new Size(col("c.items")), "n")))
                .produces("""
                        Project: [size(c.items) AS n]
                          Project: [from_json(rb, struct<items:array<struct<>>>) AS c]
                            Scan: test t [rb]
                        """);
    }

    /** A limit on strings' length is checked only on strings read: under one, the counted elements keep their string. */
    @Test void sizeUnderAStringLengthLimitKeepsTheElementsStringField() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint>,items:array<struct<sku:string,qty:int,price:double>>>"),
                JsonOptions.of(java.util.Map.of("maxStringLen", "5")));
        assertRule(new PruneColumns())
                .on(p -> p.project(p.project(p.scan("t", "ts STRING, rb STRING"), new Alias(parse, "c")),
                        new Alias(new Size(col("c.items")), "n")))
                .produces("""
                        Project: [size(c.items) AS n]
                          Project: [from_json(rb, struct<items:array<struct<sku:string>>>) AS c]
                            Scan: test t [rb]
                        """);
    }

    @Test void sizeNextToAWholeUseKeepsTheElementsWhole() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint>,items:array<struct<sku:string,qty:int>>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.project(p.scan("t", "ts STRING, rb STRING"), new Alias(parse, "c")),
                        new Alias(new Size(col("c.items")), "n"), col("c.items")))
                .produces("""
                        Project: [size(c.items) AS n, c.items AS items]
                          Project: [from_json(rb, struct<items:array<struct<sku:string,qty:int>>>) AS c]
                            Scan: test t [rb]
                        """);
    }

    @Test void sizeOfAScannedArrayReadsItsElementsWhole() {
        assertRule(new PruneColumns())
                .on(p -> p.project(p.scan("t", "items ARRAY<STRUCT<a: INT, b: STRING>>, k INT"), new Alias(new Size(col("items")), "n")))
                .produces("""
                        Project: [size(items) AS n]
                          Scan: test t [items]
                        """);
    }

    @Test void countNeedsNoColumnsButTheFilters() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint>,error:struct<code:string,message:string>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.filter(new IsNotNull(GetStructField.unresolved(parse, "error")), p.scan("t", "ts STRING, rb STRING"))))
                .produces("""
                        Project: []
                          Filter: (from_json(rb, struct<error:struct<>>).error IS NOT NULL)
                            Scan: test t [rb]
                        """);
    }

    /** A null check uses a struct's shape alone: it keeps its first field, unless that is a string (Need.countsOnly). */
    @Test void aNullCheckOfAParsedStructKeepsItsFirstFieldUnlessAString() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint,country:string>,error:struct<code:int,message:string>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.filter(new IsNull(GetStructField.unresolved(parse, "error")), p.scan("t", "ts STRING, rb STRING"))))
                .produces("""
                        Project: []
                          Filter: (from_json(rb, struct<error:struct<code:int>>).error IS NULL)
                            Scan: test t [rb]
                        """);
    }

    /** Under a limit on strings' length (checked only on strings read) the checked struct keeps its string field. */
    @Test void aNullCheckUnderAStringLengthLimitKeepsTheStringField() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<error:struct<code:string,message:string>>"), JsonOptions.of(java.util.Map.of("maxStringLen", "5")));
        assertRule(new PruneColumns())
                .on(p -> p.project(p.filter(new IsNotNull(GetStructField.unresolved(parse, "error")), p.scan("t", "ts STRING, rb STRING"))))
                .produces("""
                        Project: []
                          Filter: (from_json(rb, struct<error:struct<code:string>>).error IS NOT NULL)
                            Scan: test t [rb]
                        """);
    }

    @Test void aNullCheckNextToAWholeUseKeepsTheStructWhole() {
        FromJson parse = new FromJson(col("rb"),
                DdlParser.parseType("struct<user:struct<id:bigint>,error:struct<code:string,message:string>>"), JsonOptions.DEFAULT);
        assertRule(new PruneColumns())
                .on(p -> p.project(p.filter(new IsNotNull(col("c.error")),
                                p.project(p.scan("t", "ts STRING, rb STRING"), new Alias(parse, "c"))), col("c.error")))
                .produces("""
                        Project: [c.error AS error]
                          Filter: (c.error IS NOT NULL)
                            Project: [from_json(rb, struct<error:struct<code:string,message:string>>) AS c]
                              Scan: test t [rb]
                        """);
    }

    @Test void pushesSimpleFiltersIntoTheScan() {
        assertRule(new PushFiltersIntoScan())
                .on(p -> p.filter(new And(gt("a", 1), gt("a", "b")), p.scan("t", "a INT, b INT")))
                .produces("""
                        Filter: ((a > 1) AND (a > b))
                          Scan: test t [a, b] filters=[(a > 1)]
                        """);
    }
}
