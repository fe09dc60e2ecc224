package dev.sluice.udf;

/** A Java user-defined function of 0 argument(s) (values as Sluice rows map them); see {@code functions.udf}. */
@FunctionalInterface
public interface UDF0<R> extends java.io.Serializable {
    R call() throws Exception;
}
