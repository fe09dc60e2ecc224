package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.glue.types.GlueStruct;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;

/**
 * What a DynamicFrame is underneath: a Sluice plan whose columns are the schema's fields (in the schema's
 * order, choices as structs of alternatives) followed by the error column, plus the Glue schema that plan
 * carries (a superset of what the records hold, as Glue allows).
 */
record FramePlan(DataFrame data, GlueStruct schema) {
    /** A column of the plan by (raw) name. */
    static Column column(String name) { return col(quote(name)); }

    static String quote(String name) { return "`" + name.replace("`", "``") + "`"; }

    Column error() { return col(ErrorColumn.NAME); }

    /** Only the good records, without the error column. */
    DataFrame good() {
        List<Column> cols = new ArrayList<>();
        for (String n : schema.names()) cols.add(column(n));
        return data.filter(error().isNull()).select(cols.toArray(new Column[0]));
    }

    /**
     * A DataFrame's columns as a frame (fromDF, Parquet/Avro/JDBC sources): each column becomes the Glue type of its
     * type, cast where Glue carries it differently (a map's non-string keys become their text); no error records.
     */
    static FramePlan ofDataFrame(DataFrame df) {
        GlueStruct schema = dev.sluice.glue.types.GlueTypes.fromStruct(df.schema());
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Column c = column(schema.fields().get(i).name());
            dev.sluice.types.DataType carried = schema.fields().get(i).type().dataType();
            cols.add(sameType(df.schema().field(i).dataType(), carried) ? c : c.cast(carried));
        }
        return of(df, cols, dev.sluice.functions.lit(null).cast(ErrorColumn.TYPE), schema);
    }

    private static boolean sameType(dev.sluice.types.DataType a, dev.sluice.types.DataType b) {
        return a.simpleString().equals(b.simpleString());
    }

    /** A plan with these data columns (aliased to the schema's names) and the error column after them. */
    static FramePlan of(DataFrame source, List<Column> dataColumns, Column error, GlueStruct schema) {
        List<Column> cols = new ArrayList<>();
        List<String> names = schema.names();
        for (int i = 0; i < dataColumns.size(); i++) cols.add(dataColumns.get(i).alias(names.get(i)));
        cols.add(error.alias(ErrorColumn.NAME));
        return new FramePlan(source.select(cols.toArray(new Column[0])), schema);
    }
}
