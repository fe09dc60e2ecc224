package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueStruct;
import dev.sluice.glue.types.GlueType;
import dev.sluice.glue.types.GlueTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * resolveChoice (GLUE.md §3.2). Specs name paths; {@code choice} applies one action to every choice not named
 * in the specs (Scala's rule: both may be given; Glue's Python wrapper refuses that). Neither is refused with
 * INVALID_ARGUMENT, as the Python wrapper does. Paths without {@code []} run as plan expressions; paths into
 * arrays run record by record. {@code match_catalog} casts each choice to the catalog table's type at that path.
 */
final class ResolveChoiceTransform {
    private ResolveChoiceTransform() {}

    static DynamicFrame apply(DynamicFrame frame, List<ResolveChoiceSpec> specs, String choice, String database,
                              String table, TransformOptions options) {
        boolean noSpecs = specs == null || specs.isEmpty();
        boolean noChoice = choice == null || choice.isEmpty();
        if (noSpecs && noChoice) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "resolveChoice")
                    .with("reason", "parameter specs and choice are both missing, add one").build();
        }
        if (!noChoice && choice.equalsIgnoreCase("match_catalog") && (database == null || table == null)) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "resolveChoice")
                    .with("reason", "match_catalog needs database and tableName").build();
        }
        List<ResolveChoiceSpec> given = noSpecs ? List.of() : List.copyOf(specs);
        for (ResolveChoiceSpec s : given) {
            if (s.action().equalsIgnoreCase("match_catalog")) {
                throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "resolveChoice")
                        .with("reason", "match_catalog is only allowed as the choice for all fields, not in a spec").build();
            }
            ChoiceActions.apply("x", dev.sluice.functions.lit(null), dev.sluice.glue.types.GlueScalar.STRING, s.action()); // validates the action now
        }
        return frame.derive("resolveChoice", options, null, stage -> {
            FramePlan plan = frame.plan();
            List<ResolveChoiceSpec> all = new ArrayList<>(given);
            if (!noChoice) {
                Set<String> named = new HashSet<>();
                for (ResolveChoiceSpec s : given) named.add(s.path());
                GlueStruct catalog = choice.equalsIgnoreCase("match_catalog")
                        ? frame.glueContext().catalog().table(database, table).schema() : null;
                for (FieldPath p : SchemaPaths.choicePaths(plan.schema())) {
                    String text = render(p);
                    if (named.contains(text)) continue;
                    if (catalog != null) {
                        Optional<GlueType> t = SchemaPaths.typeAt(catalog, p);
                        if (t.isPresent()) all.add(new ResolveChoiceSpec(text, "cast:" + typeText(t.get())));
                    } else {
                        all.add(new ResolveChoiceSpec(text, choice));
                    }
                }
            }
            for (ResolveChoiceSpec s : all) plan = one(plan, s, stage);
            return plan;
        });
    }

    private static FramePlan one(FramePlan plan, ResolveChoiceSpec spec, Stage stage) {
        FieldPath path = FieldPath.parse(spec.path());
        if (!path.hasArrayStep()) {
            return StructRewriter.rewrite(plan, path, (value, type) -> ChoiceActions.apply(
                    path.steps().get(path.size() - 1).name(), value, type, spec.action())).orElse(plan);
        }
        return inArrays(plan, path, spec.action(), stage);
    }

    private static FramePlan inArrays(FramePlan plan, FieldPath path, String action, Stage stage) {
        Optional<GlueType> current = SchemaPaths.typeAt(plan.schema(), path);
        if (current.isEmpty()) return plan;
        String lower = action.toLowerCase(Locale.ROOT);
        GlueType target;
        boolean project;
        if (lower.startsWith("cast:")) {
            target = GlueTypes.parse(action.substring(5));
            project = false;
        } else if (lower.startsWith("project:")) {
            target = GlueTypes.parse(action.substring(8));
            project = true;
        } else {
            throw SluiceException.of(ErrorCode.UNSUPPORTED_OPERATION).with("operation", "resolveChoice " + action + " on a path into an array (" + render(path) + ")")
                    .with("reason", "inside arrays only cast:<type> and project:<type> are supported").build();
        }
        if (!(current.get() instanceof ChoiceType) && !project && current.get().equals(target)) return plan;
        GlueStruct out = SchemaPaths.replace(plan.schema(), path, t -> target);
        return Records.applyEach(plan, out, record -> {
            RecordPaths.update(record, path, v -> v == null ? null : project
                    ? (RecordValues.typeOf(v).typeName().equals(target.typeName()) ? v : null)
                    : CastValues.cast(v, target));
            return List.of(record);
        }, stage);
    }

    static String render(FieldPath p) {
        StringBuilder sb = new StringBuilder();
        for (FieldPath.Step s : p.steps()) {
            if (sb.length() > 0) sb.append('.');
            sb.append(s.name().contains(".") || s.name().contains("`") ? FramePlan.quote(s.name()) : s.name());
            if (s.intoArray()) sb.append("[]");
        }
        return sb.toString();
    }

    private static String typeText(GlueType t) {
        if (t.dataType() instanceof dev.sluice.types.DecimalType d) return "decimal(" + d.precision() + "," + d.scale() + ")";
        if (t instanceof dev.sluice.glue.types.GlueScalar) return t.typeName();
        return t.dataType().simpleString();
    }
}
