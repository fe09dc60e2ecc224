package dev.sluice.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.ArrayType;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.types.StructType;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.ConstantVector;
import dev.sluice.vector.Encoding;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Evaluates to_json over a struct, array or map vector as Spark writes JSON (see {@link JsonValueWriter}); NULL stays NULL. */
public final class ToJsonEvaluator {
    private ToJsonEvaluator() {}

    public static ColumnVector evaluate(ColumnVector input, JsonOptions options) {
        DataType type = input.type();
        if (!(type instanceof StructType || type instanceof ArrayType || type instanceof MapType)) {
            throw SluiceException.of(ErrorCode.TYPE_MISMATCH).with("expression", "to_json")
                    .with("expected", "a struct, an array or a map").with("actual", type.sql()).build();
        }
        JsonValueWriter writer = JsonValueWriter.forType(type, options);
        int rows = input.size();
        boolean constant = input.encoding() == Encoding.CONSTANT && rows > 0;
        int toWrite = constant ? 1 : rows;
        BytesVector out = new BytesVector(DataTypes.STRING, toWrite, toWrite * 32);
        GrowableBytes buffer = new GrowableBytes(256);
        try (JsonGenerator g = JsonFactories.forWriting().createGenerator(buffer)) {
            g.setRootValueSeparator(null);
            for (int r = 0; r < toWrite; r++) {
                if (input.isNull(r)) {
                    out.appendNull();
                    continue;
                }
                buffer.reset();
                writer.write(g, input, r);
                g.flush();
                out.append(buffer.array(), 0, buffer.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // cannot happen: the buffer is in memory
        }
        return constant ? ConstantVector.repeat(out, 0, rows) : out;
    }
}
