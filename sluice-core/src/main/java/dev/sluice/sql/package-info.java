/**
 * The Spark SQL front end: an ANTLR grammar ({@code src/main/antlr4}) and the builders that turn its parse trees
 * into the same {@code Column}s, expressions and logical plans the DataFrame API builds, so the analyzer, optimizer,
 * explain and both engines treat SQL and API alike. Function names resolve through {@link dev.sluice.functions}
 * and the function registry, never through a table of its own. Entry points: {@link dev.sluice.sql.SqlParser}.
 */
package dev.sluice.sql;
