package dev.sluice.connect;

import dev.sluice.Column;

/** SQL expression text ({@code expr()}, {@code selectExpr}, string filters) through Sluice's SQL front end. */
final class SqlExpressions {
    private SqlExpressions() {}

    static Column parse(String sql) {
        throw ConnectErrors.unsupported("SQL expression text (" + sql + ")", "this build has no SQL front end");
    }
}
