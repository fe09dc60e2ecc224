package dev.sluice.glue.transforms;

import dev.sluice.glue.*;

import java.util.List;


/** Glue's ResolveChoice: specs or one choice for all (see DynamicFrame.resolveChoice). */
public final class ResolveChoice {
    private ResolveChoice() {}

    public static DynamicFrame apply(DynamicFrame frame, List<ResolveChoiceSpec> specs) { return frame.resolveChoice(specs); }

    public static DynamicFrame apply(DynamicFrame frame, String choice) { return frame.resolveChoice(choice); }

    public static DynamicFrame apply(DynamicFrame frame, List<ResolveChoiceSpec> specs, String choice, TransformOptions options) {
        return frame.resolveChoice(specs, choice, options);
    }

    public static DynamicFrame matchCatalog(DynamicFrame frame, String database, String tableName, TransformOptions options) {
        return frame.resolveChoiceMatchCatalog(database, tableName, options);
    }
}
