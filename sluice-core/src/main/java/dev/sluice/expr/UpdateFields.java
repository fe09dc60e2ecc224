package dev.sluice.expr;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.StructView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spark's {@code withField}/{@code dropFields} on a struct: the first argument is the struct, the others the new
 * fields' values in the order of the {@code WithField} operations. A field set by name replaces every field of that
 * name (case-insensitively) or is appended; a dropped name removes every field of that name. Null when the struct
 * is null. Fields are shared with the input (no copy). Nested paths ({@code a.b}) are built by nesting calls.
 */
public record UpdateFields(List<Op> ops) implements ScalarFunction {
    /** One operation on the struct's fields. */
    public sealed interface Op permits WithField, DropField {}

    public record WithField(String name) implements Op {}

    public record DropField(String name) implements Op {}

    public UpdateFields { ops = List.copyOf(ops); }

    @Override public String name() { return "update_fields"; }

    /** Where each output field comes from: an input field (ordinal) or a value argument (1-based argument index). */
    private record Source(String name, boolean fromInput, int index) {}

    private List<Source> plan(StructType input) {
        List<Source> fields = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) fields.add(new Source(input.field(i).name(), true, i));
        int argument = 1;
        for (Op op : ops) {
            if (op instanceof WithField w) {
                boolean replaced = false;
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i).name().toLowerCase(Locale.ROOT).equals(w.name().toLowerCase(Locale.ROOT))) {
                        fields.set(i, new Source(fields.get(i).name(), false, argument));
                        replaced = true;
                    }
                }
                if (!replaced) fields.add(new Source(w.name(), false, argument));
                argument++;
            } else {
                String drop = ((DropField) op).name().toLowerCase(Locale.ROOT);
                fields.removeIf(f -> f.name().toLowerCase(Locale.ROOT).equals(drop));
                if (fields.isEmpty()) {
                    throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "dropFields")
                            .with("reason", "cannot drop all fields in struct (Spark's CANNOT_DROP_ALL_FIELDS)").build();
                }
            }
        }
        return fields;
    }

    @Override public Signature bind(List<Expression> arguments) {
        DataType t = arguments.get(0).dataType();
        if (!(t instanceof StructType input)) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "withField/dropFields")
                    .with("expected", "a struct").with("actual", t.simpleString()).build();
        }
        List<DataType> types = new ArrayList<>();
        for (Expression a : arguments) types.add(a.dataType());
        List<StructField> out = new ArrayList<>();
        for (Source s : plan(input)) {
            if (s.fromInput()) out.add(input.field(s.index()));
            else out.add(new StructField(s.name(), arguments.get(s.index()).dataType(), arguments.get(s.index()).nullable()));
        }
        return new Signature(types, new StructType(out), arguments.get(0).nullable());
    }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        StructType result = (StructType) signature.resultType();
        List<Source> fields = plan((StructType) signature.argumentTypes().get(0));
        ColumnVector[] children = new ColumnVector[fields.size()];
        for (int i = 0; i < children.length; i++) {
            Source s = fields.get(i);
            children[i] = s.fromInput() ? arguments[0].child(s.index()) : arguments[s.index()];
        }
        return new StructView(result, children, rowCount, arguments[0]);
    }

    @Override public String sql(List<Expression> arguments) {
        StringBuilder sb = new StringBuilder("update_fields(").append(arguments.get(0).sql());
        int argument = 1;
        for (Op op : ops) {
            if (op instanceof WithField w) sb.append(", WithField(").append(w.name()).append(", ").append(arguments.get(argument++).sql()).append(')');
            else sb.append(", dropfield()");
        }
        return sb.append(')').toString();
    }
}
