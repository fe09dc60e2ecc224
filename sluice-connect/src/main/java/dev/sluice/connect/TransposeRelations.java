package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.functions;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.spark.connect.proto.Transpose;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code df.transpose(index)}: the index column's values (the first column by default; NULLs left out, sorted
 * ascending) become the columns, every other column becomes a row named in the column {@code key}, with the values
 * cast to their least common type. As Spark, the input's rows are read when the plan is translated, at most
 * {@code spark.sql.transposeMaxValues} (500) of them.
 */
final class TransposeRelations {
    static final int MAX_VALUES = 500;

    private TransposeRelations() {}

    static DataFrame transpose(RelationTranslator relations, Transpose t) {
        DataFrame in = relations.translate(t.getInput());
        if (t.getIndexColumnsCount() > 1) {
            throw ConnectErrors.unsupported("transpose with several index columns", "Spark transposes by one index column");
        }
        if (in.columns().length == 0) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "transpose").with("reason", "the DataFrame has no columns").build();
        }
        Column index = t.getIndexColumnsCount() == 1 ? relations.expressions().translate(t.getIndexColumns(0), in) : in.col(in.columns()[0]);
        String indexName = in.select(index).columns()[0];
        List<String> valueNames = new ArrayList<>();
        List<Column> values = new ArrayList<>();
        boolean skipped = false;
        for (String c : in.columns()) {
            if (!skipped && c.equals(indexName)) {
                skipped = true;
                continue;
            }
            valueNames.add(c);
            values.add(in.col(c));
        }
        DataType common = values.isEmpty() ? DataTypes.STRING
                : ((ArrayType) in.select(functions.array(values.toArray(new Column[0]))).schema().field(0).dataType()).elementType();
        List<Column> selected = new ArrayList<>();
        selected.add(index.cast(DataTypes.STRING));
        for (Column v : values) selected.add(v.cast(common));
        List<Row> rows = in.filter(index.isNotNull()).orderBy(index).limit(MAX_VALUES + 1)
                .select(selected.toArray(new Column[0])).collect();
        if (rows.size() > MAX_VALUES) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "transpose")
                    .with("reason", "the DataFrame has more than " + MAX_VALUES + " rows (spark.sql.transposeMaxValues); "
                            + "TRANSPOSE_EXCEED_ROW_LIMIT").build();
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(StructField.of("key", DataTypes.STRING));
        for (Row r : rows) fields.add(StructField.of((String) r.get(0), common));
        StructType schema = new StructType(fields);
        List<Row> out = new ArrayList<>();
        for (int v = 0; v < valueNames.size(); v++) {
            Object[] cells = new Object[fields.size()];
            cells[0] = valueNames.get(v);
            for (int r = 0; r < rows.size(); r++) cells[r + 1] = rows.get(r).get(v + 1);
            out.add(new Row(schema, cells));
        }
        return relations.translation().session().sluice().createDataFrame(out, schema);
    }
}
