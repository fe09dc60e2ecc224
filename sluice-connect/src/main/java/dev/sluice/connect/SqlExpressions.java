package dev.sluice.connect;

import dev.sluice.Column;
import dev.sluice.sql.SqlParser;

/** SQL expression text ({@code expr()}, {@code selectExpr}, string filters) through Sluice's SQL front end. */
final class SqlExpressions {
    private SqlExpressions() {}

    static Column parse(String sql) { return SqlParser.parseExpression(sql); }
}
