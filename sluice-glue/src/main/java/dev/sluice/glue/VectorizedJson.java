package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueArray;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueMap;
import dev.sluice.glue.types.GlueNull;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.struct;
import static dev.sluice.functions.when;

/**
 * The JSON source's vectorized path: once the schema is known and holds no choice (nor null, decimal, short or
 * byte types), every value fits its Sluice type exactly, so Sluice's columnar JSON reader reads the records with
 * that schema; a line it cannot read lands in {@code _corrupt_record} and becomes an error record. Frames with
 * choices, and multiline/jsonPath reads, go record by record ({@link JsonRecordsOp}). Both paths give the same
 * records (VectorizedVsRecordPropertyTest).
 */
final class VectorizedJson {
    static final String CORRUPT = "_corrupt_record";

    private VectorizedJson() {}

    static boolean eligible(GlueType type) {
        if (type instanceof ChoiceType || type instanceof GlueNull || type instanceof GlueMap) return false;
        if (type instanceof GlueScalar s) return !s.typeName().equals("decimal") && !s.typeName().equals("short") && !s.typeName().equals("byte")
                && !s.typeName().equals("timestampntz");
        if (type instanceof GlueArray a) return eligible(a.element());
        GlueStruct s = (GlueStruct) type;
        for (GlueField f : s.fields()) if (f.name().equals(CORRUPT) || !eligible(f.type())) return false;
        return true;
    }

    static FramePlan read(Sluice sluice, List<String> paths, GlueStruct schema, Stage stage, String context, boolean failFast) {
        StructType type = schema.dataType().add(CORRUPT, DataTypes.STRING);
        DataFrame rows = SourceFiles.read(paths, p -> ErrorLine.tag(sluice.read().schema(type).option("mode", failFast ? "FAILFAST" : "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT).json(p)));
        Column bad = col(CORRUPT).isNotNull();
        List<Column> cols = new ArrayList<>();
        for (GlueField f : schema.fields()) {
            cols.add(when(bad, lit(null).cast(f.type().dataType())).otherwise(FramePlan.column(f.name())));
        }
        Column error = when(bad, struct(lit(stage.id()).alias("stage"), lit(stage.transform()).alias("transform"),
                lit(context).alias("context"), lit("").alias("info"), lit("error in jackson reader: malformed record").alias("msg"),
                lit(null).cast(DataTypes.STRING).alias("stackTrace"), col(CORRUPT).alias("input"),
                col(SourceFiles.COLUMN).alias("source"), lit(null).cast(DataTypes.STRING).alias("record"),
                ErrorLine.of(sluice.storage(), LinePositions.Kind.JSON_RECORDS, bad).alias("line")))
                .otherwise(lit(null).cast(ErrorColumn.TYPE));
        return FramePlan.of(rows, cols, error, schema);
    }
}
