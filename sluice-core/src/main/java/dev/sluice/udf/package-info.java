/**
 * Java user-defined functions as Spark's {@code org.apache.spark.sql.api.java.UDF1...}: functional interfaces of
 * 0 to 6 arguments. {@code functions.udf(f, returnType)} makes a {@code UserDefinedFunction} of one; it runs
 * row by row inside the engine and travels with each call ({@code FunctionCall.inline}).
 */
package dev.sluice.udf;
