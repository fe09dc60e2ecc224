package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.Column;
import dev.sluice.functions;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;

import java.util.ArrayList;
import java.util.List;

/** Renders records as JSON objects (to_json of the whole row), as Glue's DynamicFrame.show prints them. */
final class GlueJson {
    private GlueJson() {}

    static List<String> records(DataFrame frame, int n) {
        List<StructField> fields = frame.schema().fields();
        Column[] all = new Column[fields.size()];
        for (int i = 0; i < all.length; i++) all[i] = functions.col("`" + fields.get(i).name().replace("`", "``") + "`");
        DataFrame json = frame.select(functions.to_json(functions.struct(all)).alias("json"));
        List<String> out = new ArrayList<>();
        for (Row r : json.take(n)) out.add(r.getString(0));
        return out;
    }
}
