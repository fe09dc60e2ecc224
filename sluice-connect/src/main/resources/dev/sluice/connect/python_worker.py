"""Sluice's Python worker for PySpark user-defined functions sent through Spark Connect.

The server starts it with a Python that has pyspark-client installed and talks to it over stdin/stdout.
A request is: the pickled command (CloudPickleSerializer().dumps((func, return_type)), as PySpark sends it), the
eval type (PySpark's PythonEvalType), the session time zone, the result schema as an Arrow IPC stream (one field),
and the arguments as an Arrow IPC stream (one batch, one column per argument). The answer is a status byte and
an Arrow IPC stream of one column (status 0), or the Python traceback as UTF-8 text (status 1). Every frame is a
big-endian 4-byte length and its bytes. Anything the function prints goes to stderr, never into the protocol.

Functions over whole groups and partitions use the same header (command, eval type, zone, result schema: the fields
of the returned struct) and then:
- grouped map (applyInPandas, applyInArrow): the group's key columns (one row) and its rows, each an Arrow stream;
  the answer is status 0 and the result rows as one Arrow stream.
- cogrouped map (cogroup().applyInPandas/applyInArrow): the key row, the left group's rows, the right group's rows.
- Python table functions (udtf): as map iterators; each input row holds the call's arguments (columns named
  "p:<c|e>:<i>" for positional and "k:<c|e>:<name>" for keyword arguments; c marks a constant; a table argument's
  columns are "<p|k>:t:<i|name>:<column>" and reach eval as one Row), and a handler instance of the class evaluates
  every row of the partition, then terminate(); with partition keys ("q:k:<j>", rows sorted by them) one handler
  per key. Asked with eval type -1, the worker runs the
  class's analyze() on one such row instead and answers the result schema as Spark's JSON.
- map iterator (mapInPandas, mapInArrow): a pull protocol, so neither side blocks the other: when the function wants
  its next input batch the worker answers status 3 (an empty frame) and reads one frame, an Arrow stream of the next
  batch or an empty frame at the end of the partition; each batch the function yields goes out as status 2 and an
  Arrow stream; the end is status 0 and an empty frame.
"""
import datetime
import decimal
import struct
import sys
import traceback

BATCHED, ARROW_BATCHED, PANDAS_SCALAR, PANDAS_SCALAR_ITER, ARROW_SCALAR, ARROW_SCALAR_ITER = 100, 101, 200, 204, 250, 251
GROUPED_MAP_PANDAS, GROUPED_MAP_ARROW, GROUPED_MAP_ARROW_ITER, GROUPED_MAP_PANDAS_ITER = 201, 209, 215, 216
COGROUPED_MAP_PANDAS, COGROUPED_MAP_ARROW = 206, 210
MAP_PANDAS_ITER, MAP_ARROW_ITER = 205, 207
GROUPED_AGG_PANDAS = 202
GROUPED = (GROUPED_MAP_PANDAS, GROUPED_MAP_ARROW, GROUPED_MAP_ARROW_ITER, GROUPED_MAP_PANDAS_ITER)
COGROUPED = (COGROUPED_MAP_PANDAS, COGROUPED_MAP_ARROW)
TABLE_UDF, ARROW_TABLE_UDF = 300, 301
ANALYZE_UDTF = -1  # not one of PySpark's: a UDTF's analyze() static method, asked for its result schema
PARTITIONED_TABLE_UDF = -2  # not one of PySpark's: a UDTF whose table argument is partitioned by keys
TABLE_UDFS = (TABLE_UDF, ARROW_TABLE_UDF, PARTITIONED_TABLE_UDF)
MAP_ITER = (MAP_PANDAS_ITER, MAP_ARROW_ITER) + TABLE_UDFS


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
    from pyspark.sql.pandas.types import from_arrow_schema, from_arrow_type

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
        # arguments given by keyword arrive as columns named "k:<keyword>" (Spark's NamedArgumentExpression)
        keys = [name[2:] if name.startswith("k:") else None for name in batch.schema.names]

        def call(values):
            args = [v for v, k in zip(values, keys) if k is None]
            kwargs = {k: v for v, k in zip(values, keys) if k is not None}
            return func(*args, **kwargs)

        if eval_type == GROUPED_AGG_PANDAS:
            # one row per group: a list of structs holding the group's argument rows; one call per group with one
            # pandas Series per argument, answering one value
            import pandas as pd
            groups = columns[0]
            results = []
            for i in range(n):
                rows = groups[i].values
                if rows is None:
                    rows = pa.array([], type=groups.type.value_type)
                results.append(func(*[pandas_input(field, session_zone) for field in rows.flatten()]))
            return from_pandas(pd.Series(results, dtype=object), arrow_type, session_zone)
        if eval_type in (BATCHED, ARROW_BATCHED):
            rows = [[to_python(v, c.type) for v in c.to_pylist()] for c in columns]
            results = [coerce(call(args), rtype) for args in zip(*rows)] if columns else [coerce(func(), rtype) for _ in range(n)]
            return pa.array(results, type=arrow_type)
        if eval_type in (PANDAS_SCALAR, PANDAS_SCALAR_ITER):
            args = [pandas_input(c, session_zone) for c in columns]
            if eval_type == PANDAS_SCALAR:
                result = call(args)
            else:
                import pandas as pd
                parts = list(func(iter([args[0] if len(args) == 1 else tuple(args)])))
                result = pd.concat(parts, ignore_index=True) if parts else pd.Series([], dtype=object)
            out = from_pandas(result, arrow_type, session_zone)
        elif eval_type in (ARROW_SCALAR, ARROW_SCALAR_ITER):
            if eval_type == ARROW_SCALAR:
                out = call(columns)
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

    def read_batch(data):
        """One Arrow IPC stream as one record batch (an empty batch of its schema when it holds none)."""
        reader = pa.ipc.open_stream(data)
        batches = list(reader)
        if not batches:
            return pa.RecordBatch.from_pylist([], schema=reader.schema)
        return batches[0] if len(batches) == 1 else pa.Table.from_batches(batches).combine_chunks().to_batches()[0]

    def pandas_frame(batch, session_zone):
        import pandas as pd
        if batch.num_columns == 0:
            return pd.DataFrame(index=range(batch.num_rows))
        series = [pandas_input(c, session_zone).rename(name) for c, name in zip(batch.columns, batch.schema.names)]
        return pd.concat(series, axis=1)

    def argument_count(func):
        import inspect
        return len(inspect.getfullargspec(func).args)

    def frame_to_batch(pdf, rtype, schema, session_zone):
        """A pandas DataFrame a grouped or map function returned, as rows of the declared schema (by name when the
        columns have string labels, else by position, as Spark)."""
        import pandas as pd
        if not isinstance(pdf, pd.DataFrame):
            raise TypeError("the function must return a pandas.DataFrame, it returned %s" % type(pdf).__name__)
        try:
            from pyspark.worker import verify_pandas_result
            verify_pandas_result(pdf, rtype, True, truncate_return_schema=False)
        except ImportError:
            pass
        if len(pdf.columns) == 0 and len(pdf) == 0:
            return pa.RecordBatch.from_pylist([], schema=schema)
        by_name = any(isinstance(c, str) for c in pdf.columns)
        columns = []
        for i, field in enumerate(schema):
            s = pdf[field.name] if by_name else pdf.iloc[:, i]
            columns.append(from_pandas(s.reset_index(drop=True), field.type, session_zone))
        return pa.RecordBatch.from_arrays(columns, schema=schema)

    def table_to_batch(table, schema):
        """An Arrow table or batch a function returned, as rows of the declared schema (columns by name)."""
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        if not isinstance(table, pa.Table):
            raise TypeError("the function must return a pyarrow.Table, it returned %s" % type(table).__name__)
        if table.num_columns == 0 and table.num_rows == 0:
            return pa.RecordBatch.from_pylist([], schema=schema)
        missing = [f.name for f in schema if f.name not in table.column_names]
        if missing:
            raise RuntimeError("the result misses the columns %s of the declared schema %s" % (missing, schema.names))
        columns = [table.column(f.name).combine_chunks().cast(f.type) for f in schema]
        return pa.RecordBatch.from_arrays(columns, schema=schema)

    def key_of(batch, eval_type):
        if eval_type in (GROUPED_MAP_ARROW, GROUPED_MAP_ARROW_ITER, COGROUPED_MAP_ARROW):
            return tuple(c[0] for c in batch.columns)
        frame = batch.to_pandas()
        return tuple(frame[c].iloc[0] for c in frame.columns)

    def grouped(func, rtype, eval_type, session_zone, schema, key, values):
        two = argument_count(func) == 2
        if eval_type == GROUPED_MAP_PANDAS:
            pdf = pandas_frame(values, session_zone)
            return frame_to_batch(func(key_of(key, eval_type), pdf) if two else func(pdf), rtype, schema, session_zone)
        if eval_type == GROUPED_MAP_PANDAS_ITER:
            frames = iter([pandas_frame(values, session_zone)])
            out = func(key_of(key, eval_type), frames) if two else func(frames)
            parts = [frame_to_batch(p, rtype, schema, session_zone) for p in out]
            return pa.Table.from_batches(parts, schema=schema).combine_chunks().to_batches()[0] if parts \
                else pa.RecordBatch.from_pylist([], schema=schema)
        table = pa.Table.from_batches([values])
        if eval_type == GROUPED_MAP_ARROW_ITER:
            out = func(key_of(key, eval_type), iter([values])) if two else func(iter([values]))
            parts = [table_to_batch(p, schema) for p in out]
            return pa.Table.from_batches(parts, schema=schema).combine_chunks().to_batches()[0] if parts \
                else pa.RecordBatch.from_pylist([], schema=schema)
        return table_to_batch(func(key_of(key, eval_type), table) if two else func(table), schema)

    def cogrouped(func, rtype, eval_type, session_zone, schema, key, left, right):
        three = argument_count(func) == 3
        if eval_type == COGROUPED_MAP_PANDAS:
            l, r = pandas_frame(left, session_zone), pandas_frame(right, session_zone)
            return frame_to_batch(func(key_of(key, eval_type), l, r) if three else func(l, r), rtype, schema, session_zone)
        l, r = pa.Table.from_batches([left]), pa.Table.from_batches([right])
        return table_to_batch(func(key_of(key, eval_type), l, r) if three else func(l, r), schema)

    def answer(status, data):
        protocol_out.write(bytes([status]))
        write_frame(protocol_out, data)
        protocol_out.flush()

    def stream_of(batch, schema):
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, schema) as writer:
            writer.write_batch(batch)
        return sink.getvalue().to_pybytes()

    def udtf_arguments(batch, row):
        """One input row of a table function call as (positional, keyword) arguments; a table argument's columns
        ("<kind>:t:<key>:<column>") make one Row; partition keys ("q:k:<j>") are not arguments."""
        args, kwargs, tables = [], {}, {}
        for i, name in enumerate(batch.schema.names):
            kind, constant, key = name.split(":", 2)
            if kind == "q":
                continue
            value = to_python(row[i], batch.schema.field(i).type)
            if constant == "t":
                key, column = key.split(":", 1)
                if (kind, key) not in tables:  # its place among the arguments, then its columns and values
                    tables[(kind, key)] = (len(args), [], [])
                    if kind == "k":
                        kwargs[key] = None
                    else:
                        args.append(None)
                tables[(kind, key)][1].append(column)
                tables[(kind, key)][2].append(value)
                continue
            if kind == "k":
                kwargs[key] = value
            else:
                args.append(value)
        for (kind, key), (position, columns, values) in tables.items():
            table_row = T.Row(*columns)(*values)
            if kind == "k":
                kwargs[key] = table_row
            else:
                args[position] = table_row
        return args, kwargs

    def partition_key(batch, row):
        return tuple(row[i] for i, name in enumerate(batch.schema.names) if name.startswith("q:"))

    def udtf_rows(cls, batches, schema, partitioned):
        """A table function over the input rows: each eval's rows, then terminate's, as batches of the schema; with
        partition keys a new handler per key (the rows come sorted by them), terminated when its key ends, and none
        for a partition without rows."""
        rtype = from_arrow_schema(schema)
        handler = None if partitioned else cls()
        pending = []

        def rows_of(results):
            if results is None:
                return
            for out in results:
                if isinstance(out, T.Row):
                    out = tuple(out)
                if not isinstance(out, (tuple, list)):
                    raise RuntimeError("[UDTF_INVALID_OUTPUT_ROW_TYPE] The type of an individual output row in the UDTF "
                                       "is invalid. Each row should be a tuple, list, or dict, but got '%s'."
                                       % type(out).__name__)
                if len(out) != len(rtype.fields):
                    raise RuntimeError("[UDTF_RETURN_SCHEMA_MISMATCH] The number of columns in the result does not match "
                                       "the specified schema. Expected column count: %d, Actual column count: %d."
                                       % (len(rtype.fields), len(out)))
                pending.append(out)

        def flush():
            columns = [pa.array([coerce(r[i], f.dataType) for r in pending], type=schema.field(i).type)
                       for i, f in enumerate(rtype.fields)]
            pending.clear()
            return pa.RecordBatch.from_arrays(columns, schema=schema)

        key = None
        for batch in batches:
            pylists = [c.to_pylist() for c in batch.columns]
            for r in range(batch.num_rows):
                row = [col[r] for col in pylists]
                row_key = partition_key(batch, row)
                if handler is not None and key is not None and row_key != key:
                    if hasattr(handler, "terminate"):
                        rows_of(handler.terminate())
                    handler = None
                if handler is None:
                    handler = cls()
                key = row_key
                args, kwargs = udtf_arguments(batch, row)
                rows_of(handler.eval(*args, **kwargs))
                if len(pending) >= 4096:
                    yield flush()
        if handler is not None and hasattr(handler, "terminate"):
            rows_of(handler.terminate())
        if pending:
            yield flush()

    def analyze_udtf(cls, batch):
        """A table function's analyze(): its result schema as Spark's JSON, from the arguments' types and constants."""
        from pyspark.sql.udtf import AnalyzeArgument
        args, kwargs, tables = [], {}, {}
        row = [c.to_pylist()[0] if batch.num_rows else None for c in batch.columns]
        for i, name in enumerate(batch.schema.names):
            kind, constant, key = name.split(":", 2)
            if constant == "t":  # a table argument: its columns' types as one struct
                key, column = key.split(":", 1)
                if (kind, key) not in tables:
                    tables[(kind, key)] = T.StructType()
                    argument = AnalyzeArgument(dataType=tables[(kind, key)], value=None, isTable=True,
                                               isConstantExpression=False)
                    if kind == "k":
                        kwargs[key] = argument
                    else:
                        args.append(argument)
                tables[(kind, key)].add(column, from_arrow_type(batch.schema.field(i).type))
                continue
            value = to_python(row[i], batch.schema.field(i).type) if constant == "c" else None
            argument = AnalyzeArgument(dataType=from_arrow_type(batch.schema.field(i).type), value=value, isTable=False,
                                       isConstantExpression=constant == "c")
            if kind == "k":
                kwargs[key] = argument
            else:
                args.append(argument)
        if not hasattr(cls, "analyze"):
            raise RuntimeError("[INVALID_UDTF_RETURN_TYPE] the UDTF has neither a return type nor an analyze method")
        result = cls.analyze(*args, **kwargs)
        if getattr(result, "withSinglePartition", False) or getattr(result, "partitionBy", None) \
                or getattr(result, "orderBy", None) or getattr(result, "select", None):
            raise RuntimeError("[UNSUPPORTED_FEATURE] Sluice does not run a UDTF whose analyze() asks for partitioning, "
                               "ordering or a selection of the table argument; pass them with asTable().partitionBy/orderBy")
        return result.schema.json().encode("utf-8")

    def map_partition(func, rtype, eval_type, session_zone, schema):
        """mapInPandas / mapInArrow / a table function over one partition: input batches are asked for as the
        function pulls them."""
        def inputs():
            while True:
                answer(3, b"")
                data = read_frame(protocol_in)
                if not data:
                    return
                batch = read_batch(data)
                yield pandas_frame(batch, session_zone) if eval_type == MAP_PANDAS_ITER else batch
        if eval_type in TABLE_UDFS:
            for batch in udtf_rows(func, inputs(), schema, eval_type == PARTITIONED_TABLE_UDF):
                answer(2, stream_of(batch, schema))
            return
        for out in func(inputs()):
            if eval_type == MAP_PANDAS_ITER:
                batch = frame_to_batch(out, rtype, schema, session_zone)
            else:
                batch = table_to_batch(out, schema)
            answer(2, stream_of(batch, schema))

    while True:
        command = read_frame(protocol_in)
        if command is None:
            return
        eval_type = struct.unpack(">i", read_frame(protocol_in))[0]
        session_zone = read_frame(protocol_in).decode("utf-8")
        result_schema = pa.ipc.open_stream(read_frame(protocol_in)).schema
        inputs = []
        if eval_type in GROUPED:
            inputs = [read_frame(protocol_in), read_frame(protocol_in)]
        elif eval_type in COGROUPED:
            inputs = [read_frame(protocol_in), read_frame(protocol_in), read_frame(protocol_in)]
        elif eval_type not in MAP_ITER:
            inputs = [read_frame(protocol_in)]
        try:
            if command not in commands:
                commands[command] = pickler.loads(command)
            if eval_type == ANALYZE_UDTF:
                answer(0, analyze_udtf(commands[command], read_batch(inputs[0])))
                continue
            if eval_type in TABLE_UDFS:
                func, rtype = commands[command], None
            else:
                func, rtype = commands[command]
            if eval_type in MAP_ITER:
                map_partition(func, rtype, eval_type, session_zone, result_schema)
                answer(0, b"")
                continue
            if eval_type in GROUPED:
                out = grouped(func, rtype, eval_type, session_zone, result_schema, read_batch(inputs[0]), read_batch(inputs[1]))
                answer(0, stream_of(out, result_schema))
                continue
            if eval_type in COGROUPED:
                out = cogrouped(func, rtype, eval_type, session_zone, result_schema,
                                read_batch(inputs[0]), read_batch(inputs[1]), read_batch(inputs[2]))
                answer(0, stream_of(out, result_schema))
                continue
            batches = list(pa.ipc.open_stream(inputs[0]))
            field = result_schema.field(0)
            if batches:
                batch = batches[0]
            else:
                batch = pa.RecordBatch.from_arrays([], schema=pa.schema([]))
            out = evaluate(func, rtype, eval_type, session_zone, batch, field.type)
            answer(0, stream_of(pa.RecordBatch.from_arrays([out], schema=result_schema), result_schema))
        except BaseException:  # the traceback goes back to the caller as the error's message
            answer(1, traceback.format_exc().encode("utf-8"))

if __name__ == "__main__":
    main()
