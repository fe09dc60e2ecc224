package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.Locale;

/**
 * A toDF resolve option: {@code (path, action, target)} with action {@code KeepAsStruct} (make_struct),
 * {@code Project} (project:target) or {@code Cast} (cast:target). Glue's Python wrapper rejects Cast; the Scala
 * API documents it, and Sluice accepts it.
 */
public record ResolveSpec(String path, String action, String target) {
    public static ResolveSpec keepAsStruct(String path) { return new ResolveSpec(path, "KeepAsStruct", null); }

    public static ResolveSpec project(String path, String target) { return new ResolveSpec(path, "Project", target); }

    public static ResolveSpec cast(String path, String target) { return new ResolveSpec(path, "Cast", target); }

    ResolveChoiceSpec toChoiceSpec() {
        String a = action.toUpperCase(Locale.ROOT);
        if (a.equals("KEEPASSTRUCT")) return new ResolveChoiceSpec(path, "make_struct");
        if ((a.equals("PROJECT") || a.equals("CAST")) && target != null) {
            return new ResolveChoiceSpec(path, (a.equals("PROJECT") ? "project:" : "cast:") + target);
        }
        throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "toDF")
                .with("reason", a.equals("PROJECT") || a.equals("CAST")
                        ? "target type must be specified with the " + action + " action"
                        : "invalid resolve action " + action + "; use KeepAsStruct, Project or Cast")
                .build();
    }
}
