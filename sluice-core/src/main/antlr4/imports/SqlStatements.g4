/* Statements other than queries: temporary views, managed tables, INSERT, SHOW, DESCRIBE, EXPLAIN, CACHE.
 * SET and RESET take free text, as in Spark, and are read before this grammar (Statements.java). */
parser grammar SqlStatements;

statement
    : query                                                                                     #statementQuery
    | CREATE (OR REPLACE)? GLOBAL? (TEMPORARY | TEMP) VIEW (IF NOT EXISTS)? multipartIdentifier
      identifierList? AS query                                                                  #createView
    | DROP VIEW (IF EXISTS)? multipartIdentifier                                                #dropView
    | CREATE TABLE (IF NOT EXISTS)? multipartIdentifier
      (LPAREN columns+=columnDefinition (COMMA columns+=columnDefinition)* RPAREN)?
      USING format=identifier tableOptions? (PARTITIONED BY identifierList)? (AS? query)?       #createTable
    | DROP TABLE (IF EXISTS)? multipartIdentifier                                               #dropTable
    | INSERT (INTO | OVERWRITE) TABLE? multipartIdentifier identifierList? query                #insert
    | SHOW TABLES ((FROM | IN) multipartIdentifier)? (LIKE? pattern=STRING)?                    #showTables
    | SHOW kind=identifier? FUNCTIONS (LIKE? pattern=STRING)?                                   #showFunctions
    | (DESC | DESCRIBE) FUNCTION EXTENDED? (functionName | STRING)                              #describeFunction
    | (DESC | DESCRIBE) TABLE? EXTENDED? multipartIdentifier                                    #describeTable
    | EXPLAIN explainMode=(EXTENDED | FORMATTED | CODEGEN | COST)? statement                           #explain
    | CACHE LAZY? TABLE multipartIdentifier tableOptions? (AS? query)?                          #cacheTable
    | UNCACHE TABLE (IF EXISTS)? multipartIdentifier                                            #uncacheTable
    | CLEAR CACHE                                                                               #clearCache
    ;

columnDefinition: identifier dataType (NOT NULL)?;

tableOptions: OPTIONS LPAREN tableOption (COMMA tableOption)* RPAREN;

tableOption: key=optionKey EQ? value=optionValue;

optionKey: identifier (DOT identifier)* | STRING;

optionValue: STRING | number | TRUE | FALSE | identifier;
