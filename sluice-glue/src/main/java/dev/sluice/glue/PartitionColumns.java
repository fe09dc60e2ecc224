package dev.sluice.glue;

import dev.sluice.Column;
import dev.sluice.glue.catalog.CatalogTable;
import dev.sluice.glue.types.GlueField;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.io.FileStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sluice.functions.lit;

/**
 * A catalog table's partition keys: values come from Hive-style {@code key=value} directories under the table's
 * location; push_down_predicate prunes whole partitions by those values before any file is opened.
 */
final class PartitionColumns {
    private PartitionColumns() {}

    static Map<String, String> values(String path, CatalogTable table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            int eq = segment.indexOf('=');
            if (eq > 0) {
                String key = segment.substring(0, eq);
                if (table.partitionKeys().field(key).isPresent()) out.put(key, java.net.URLDecoder.decode(segment.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static List<FileStatus> prune(List<FileStatus> files, CatalogTable table, String predicate, GlueContext ctx) {
        PartitionPredicate p = PartitionPredicate.parse(predicate);
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus f : files) if (p.test(values(f.path(), table))) out.add(f);
        return out;
    }

    static FramePlan withValues(FramePlan plan, CatalogTable table, Map<String, String> values) {
        List<Column> cols = new ArrayList<>();
        List<GlueField> fields = new ArrayList<>(plan.schema().fields());
        for (String n : plan.schema().names()) cols.add(FramePlan.column(n));
        for (GlueField k : table.partitionKeys().fields()) {
            if (plan.schema().field(k.name()).isPresent()) continue;
            cols.add(lit(values.get(k.name())).cast(k.type().dataType()));
            fields.add(k);
        }
        return FramePlan.of(plan.data(), cols, plan.error(), new GlueStruct(fields));
    }
}
