package dev.sluice.io.orc;

import dev.sluice.Sluice;
import dev.sluice.expr.ColumnRef;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.IsNull;
import dev.sluice.expr.Literal;
import dev.sluice.io.BatchReader;
import dev.sluice.io.FileSourceContext;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.Split;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Pushed filters skip ORC row groups by their statistics; the rows a query returns never change. */
class OrcFiltersTest {
    static final StructType SCHEMA = DdlParser.parseSchema("id BIGINT, name STRING");
    @TempDir static Path dir;
    static Sluice sluice;
    static String out;

    @BeforeAll static void start() {
        sluice = Sluice.builder().parallelism(2).build();
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 50_000; i++) rows.add(Row.of(SCHEMA, i, i % 10_000 == 7 ? null : "n" + (100_000 + i)));
        out = dir.resolve("sorted").toString();
        sluice.createDataFrame(rows, SCHEMA).repartition(1).write().format("orc").save(out);
    }

    @AfterAll static void stop() { sluice.close(); }

    /** Rows the source itself returns for the filters (before the engine applies them). */
    static long rowsRead(List<Expression> filters) {
        OrcFileFormat format = new OrcFileFormat();
        var source = format.source(new FileSourceContext(new LocalStorage(), Map.of(), 1L << 30, 1000), List.of(out), SCHEMA);
        long n = 0;
        for (Split s : source.splits()) {
            try (BatchReader r = source.open(s, SCHEMA, filters)) {
                for (Batch b; (b = r.next()) != null; ) n += b.rowCount();
            }
        }
        return n;
    }

    static Expression id(Comparison.Op op, long v) {
        return new Comparison(op, new ColumnRef("id", DataTypes.LONG, true), new Literal(v, DataTypes.LONG));
    }

    @Test void skipsRowGroupsThatCannotMatch() {
        assertThat(rowsRead(List.of())).isEqualTo(50_000);
        assertThat(rowsRead(List.of(id(Comparison.Op.EQ, 12_345)))).isEqualTo(10_000);
        assertThat(rowsRead(List.of(id(Comparison.Op.GE, 40_000)))).isEqualTo(10_000);
        assertThat(rowsRead(List.of(new Comparison(Comparison.Op.GT, new Literal(9_999L, DataTypes.LONG),
                new ColumnRef("id", DataTypes.LONG, true))))).isEqualTo(10_000);   // 9999 > id: literal on the left
        assertThat(rowsRead(List.of(id(Comparison.Op.LT, -1)))).isZero();
        assertThat(rowsRead(List.of(new Comparison(Comparison.Op.EQ, new ColumnRef("name", DataTypes.STRING, true),
                new Literal("n100003", DataTypes.STRING))))).isEqualTo(10_000);
        // a filter it cannot convert is left to the engine: everything is read
        assertThat(rowsRead(List.of(new IsNull(new dev.sluice.expr.ColumnRef("nope", DataTypes.LONG, true))))).isEqualTo(50_000);
    }

    @Test void queriesGiveTheSameRowsWithPushdown() {
        assertThat(sluice.read().format("orc").load(out).filter(col("id").geq(49_990).and(col("name").isNotNull())).count()).isEqualTo(10);
        assertThat(sluice.read().format("orc").load(out).filter(col("name").isNull()).count()).isEqualTo(5);
        assertThat(sluice.read().format("orc").load(out).filter(col("id").eqNullSafe(3L)).count()).isEqualTo(1);
    }
}
