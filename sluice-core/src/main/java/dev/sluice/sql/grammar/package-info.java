/**
 * The parser ANTLR generates from {@code src/main/antlr4/dev/sluice/sql/grammar} at build time (not committed):
 * {@code SqlLexer}, {@code SqlGrammar} and its visitor. Used only by {@link dev.sluice.sql}.
 */
package dev.sluice.sql.grammar;
