package dev.sluice.glue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * splitFields(paths, name1, name2) (GLUE.md §3.7): {name1: the given full paths (nested ones keep their
 * structs), name2: everything else}. Both frames carry the error records that led to them. Paths into arrays
 * are refused (they would split an element).
 */
final class SplitFieldsTransform {
    private SplitFieldsTransform() {}

    static DynamicFrameCollection apply(DynamicFrame frame, List<String> paths, String name1, String name2, TransformOptions options) {
        List<Mapping> keep = new ArrayList<>();
        for (String p : paths) keep.add(Mapping.of(p, p));
        DynamicFrame first = ApplyMappingTransform.apply(frame, keep, true, options).withName(name1);
        DynamicFrame rest = DropFieldsTransform.apply(frame, paths, options).withName(name2);
        Map<String, DynamicFrame> m = new LinkedHashMap<>();
        m.put(name1, first);
        m.put(name2, rest);
        return new DynamicFrameCollection(m, frame.glueContext());
    }
}
