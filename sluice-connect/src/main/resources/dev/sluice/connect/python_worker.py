"""Sluice's Python worker for PySpark user-defined functions sent through Spark Connect.

The server starts it with a Python that has pyspark-client installed and talks to it over stdin/stdout.
A request is: the pickled command (CloudPickleSerializer().dumps((func, return_type)), as PySpark sends it), the
eval type (PySpark's PythonEvalType), the session time zone, the result schema as an Arrow IPC stream (one field),
and the arguments as an Arrow IPC stream (one batch, one column per argument). The answer is a status byte and
an Arrow IPC stream of one column (status 0), or the Python traceback as UTF-8 text (status 1). Every frame is a
big-endian 4-byte length and its bytes. Anything the function prints goes to stderr, never into the protocol.
"""
import datetime
import decimal
import struct
import sys
import traceback

BATCHED, ARROW_BATCHED, PANDAS_SCALAR, PANDAS_SCALAR_ITER, ARROW_SCALAR, ARROW_SCALAR_ITER = 100, 101, 200, 204, 250, 251


def read_exact(stream, n):
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_frame(stream):
    head = read_exact(stream, 4)
    if head is None:
        return None
    (n,) = struct.unpack(">i", head)
    return read_exact(stream, n) if n else b""


def write_frame(stream, data):
    stream.write(struct.pack(">i", len(data)))
    stream.write(data)


def main():
    protocol_in, protocol_out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # print() inside a UDF must not corrupt the protocol
    import pyarrow as pa
    from pyspark.serializers import CloudPickleSerializer
    from pyspark.sql import types as T

    pickler = CloudPickleSerializer()
    commands = {}

    def to_python(value, dtype):
        """An Arrow value (to_pylist form) as PySpark gives it to a row UDF."""
        if value is None:
            return None
        if pa.types.is_struct(dtype):
            names = [dtype.field(i).name for i in range(dtype.num_fields)]
            return T.Row(**{n: to_python(value[n], dtype.field(i).type) for i, n in enumerate(names)})
        if pa.types.is_map(dtype):
            return {to_python(k, dtype.key_type): to_python(v, dtype.item_type) for k, v in value}
        if pa.types.is_list(dtype) or pa.types.is_large_list(dtype):
            return [to_python(v, dtype.value_type) for v in value]
        if pa.types.is_timestamp(dtype) and isinstance(value, datetime.datetime):
            return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
        if pa.types.is_binary(dtype):
            return bytearray(value)
        return value

    def coerce(value, rtype):
        """A row UDF's result as Spark keeps it: a value of another type than declared becomes null."""
        if value is None:
            return None
        if isinstance(rtype, T.StringType):
            if isinstance(value, bool):
                return "true" if value else "false"
            return value if isinstance(value, str) else str(value)
        if isinstance(rtype, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
            return value if isinstance(value, int) and not isinstance(value, bool) else None
        if isinstance(rtype, (T.FloatType, T.DoubleType)):
            return value if isinstance(value, float) else None
        if isinstance(rtype, T.BooleanType):
            return value if isinstance(value, bool) else None
        if isinstance(rtype, T.DecimalType):
            return value if isinstance(value, decimal.Decimal) else None
        if isinstance(rtype, (T.TimestampType, T.TimestampNTZType)):
            if not isinstance(value, datetime.datetime):
                return None
            return value.astimezone(datetime.timezone.utc) if isinstance(rtype, T.TimestampType) else value
        if isinstance(rtype, T.DateType):
            return value if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime) else None
        if isinstance(rtype, T.BinaryType):
            return bytes(value) if isinstance(value, (bytes, bytearray)) else None
        if isinstance(rtype, T.ArrayType):
            if not isinstance(value, (list, tuple)):
                return None
            return [coerce(v, rtype.elementType) for v in value]
        if isinstance(rtype, T.MapType):
            if not isinstance(value, dict):
                return None
            return [(coerce(k, rtype.keyType), coerce(v, rtype.valueType)) for k, v in value.items()]
        if isinstance(rtype, T.StructType):
            names = rtype.names
            if isinstance(value, dict):
                return {n: coerce(value.get(n), f.dataType) for n, f in zip(names, rtype.fields)}
            if isinstance(value, (tuple, list)):
                if isinstance(value, T.Row) and hasattr(value, "__fields__"):
                    value = [value[n] if n in value.__fields__ else None for n in names]
                return {n: coerce(v, f.dataType) for n, f, v in zip(names, rtype.fields, value)}
            return None
        return value

    def pandas_input(column, session_zone):
        series = column.to_pandas()
        if pa.types.is_timestamp(column.type) and column.type.tz is not None:
            series = series.dt.tz_convert(session_zone).dt.tz_localize(None)
        return series

    def from_pandas(result, arrow_type, session_zone):
        import pandas as pd
        if pa.types.is_struct(arrow_type) and isinstance(result, pd.DataFrame):
            children = [from_pandas(result[arrow_type.field(i).name] if arrow_type.field(i).name in result.columns
                                    else result.iloc[:, i], arrow_type.field(i).type, session_zone)
                        for i in range(arrow_type.num_fields)]
            return pa.StructArray.from_arrays(children, fields=[arrow_type.field(i) for i in range(arrow_type.num_fields)])
        if pa.types.is_timestamp(arrow_type) and hasattr(result, "dt") and result.dt.tz is None:
            result = result.dt.tz_localize(session_zone)
        return pa.Array.from_pandas(result, type=arrow_type, safe=False)

    def evaluate(func, rtype, eval_type, session_zone, batch, arrow_type):
        n = batch.num_rows
        columns = batch.columns
        if eval_type in (BATCHED, ARROW_BATCHED):
            rows = [[to_python(v, c.type) for v in c.to_pylist()] for c in columns]
            results = [coerce(func(*args), rtype) for args in zip(*rows)] if columns else [coerce(func(), rtype) for _ in range(n)]
            return pa.array(results, type=arrow_type)
        if eval_type in (PANDAS_SCALAR, PANDAS_SCALAR_ITER):
            args = [pandas_input(c, session_zone) for c in columns]
            if eval_type == PANDAS_SCALAR:
                result = func(*args)
            else:
                import pandas as pd
                parts = list(func(iter([args[0] if len(args) == 1 else tuple(args)])))
                result = pd.concat(parts, ignore_index=True) if parts else pd.Series([], dtype=object)
            out = from_pandas(result, arrow_type, session_zone)
        elif eval_type in (ARROW_SCALAR, ARROW_SCALAR_ITER):
            if eval_type == ARROW_SCALAR:
                out = func(*columns)
            else:
                parts = list(func(iter([columns[0] if len(columns) == 1 else tuple(columns)])))
                out = pa.concat_arrays(parts) if parts else pa.array([], type=arrow_type)
            if isinstance(out, pa.ChunkedArray):
                out = out.combine_chunks()
            out = out.cast(arrow_type, safe=False) if out.type != arrow_type else out
        else:
            raise RuntimeError("eval type %d is not supported by Sluice's Python worker" % eval_type)
        if len(out) != n:
            raise RuntimeError("the UDF returned %d values for %d rows: a scalar UDF returns one value per row" % (len(out), n))
        return out

    while True:
        command = read_frame(protocol_in)
        if command is None:
            return
        eval_type = struct.unpack(">i", read_frame(protocol_in))[0]
        session_zone = read_frame(protocol_in).decode("utf-8")
        result_schema = pa.ipc.open_stream(read_frame(protocol_in)).schema
        batches = list(pa.ipc.open_stream(read_frame(protocol_in)))
        try:
            if command not in commands:
                commands[command] = pickler.loads(command)
            func, rtype = commands[command]
            field = result_schema.field(0)
            if batches:
                batch = batches[0]
            else:
                batch = pa.RecordBatch.from_arrays([], schema=pa.schema([]))
            out = evaluate(func, rtype, eval_type, session_zone, batch, field.type)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, result_schema) as writer:
                writer.write_batch(pa.RecordBatch.from_arrays([out], schema=result_schema))
            protocol_out.write(b"\x00")
            write_frame(protocol_out, sink.getvalue().to_pybytes())
        except BaseException:  # the traceback goes back to the caller as the error's message
            protocol_out.write(b"\x01")
            write_frame(protocol_out, traceback.format_exc().encode("utf-8"))
        protocol_out.flush()


if __name__ == "__main__":
    main()
