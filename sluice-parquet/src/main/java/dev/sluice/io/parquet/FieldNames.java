package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.apache.parquet.schema.GroupType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds a Parquet field by a Sluice field name as Spark does by default: exact spelling first, else ignoring case. */
final class FieldNames {
    private FieldNames() {}

    /** The index of {@code name} in {@code group}, or -1; AMBIGUOUS_COLUMN when two fields differ only in case. */
    static int find(GroupType group, String name) {
        if (group.containsField(name)) return group.getFieldIndex(name);
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        int found = -1;
        for (int i = 0; i < group.getFieldCount(); i++) {
            if (group.getType(i).getName().toLowerCase(Locale.ROOT).equals(lower)) {
                matches.add(group.getType(i).getName());
                found = i;
            }
        }
        if (matches.size() > 1) {
            throw SluiceException.of(ErrorCode.AMBIGUOUS_COLUMN).with("column", name)
                    .with("matches", String.join(", ", matches) + " in the Parquet file").build();
        }
        return found;
    }
}
