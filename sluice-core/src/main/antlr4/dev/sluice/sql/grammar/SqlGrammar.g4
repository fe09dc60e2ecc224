/*
 * Sluice's Spark SQL grammar: entry points. Queries, relations and expressions live in the imported grammars
 * (src/main/antlr4/imports), one file per concern. The tree is turned into the DataFrame API's logical plans and
 * expressions by dev.sluice.sql (QueryBuilder, RelationBuilder, ExpressionBuilder).
 */
parser grammar SqlGrammar;

options { tokenVocab = SqlLexer; }

import SqlStatements, SqlQueries, SqlRelations, SqlExpressions;

/** One statement: a query, optionally ended by semicolons. */
singleStatement: statement SEMICOLON* EOF;

/** One expression, optionally named ({@code expr("a + 1 AS b")}). */
singleNamedExpression: namedExpression EOF;

/** A comma-separated list of named expressions (the CLI's --select). */
namedExpressionList: namedExpressionSeq EOF;

/** A bare data type ({@code array<int>}). */
singleDataType: dataType EOF;
