/* Statements other than queries: views, databases, tables, functions, INSERT, SHOW, DESCRIBE, EXPLAIN, CACHE.
 * SET and RESET take free text, as in Spark, and are read before this grammar (Statements.java). */
parser grammar SqlStatements;

statement
    : query                                                                                     #statementQuery
    | CREATE (OR REPLACE)? GLOBAL? (TEMPORARY | TEMP) VIEW (IF NOT EXISTS)? multipartIdentifier
      identifierList? AS query                                                                  #createView
    | CREATE (OR REPLACE)? VIEW (IF NOT EXISTS)? multipartIdentifier identifierList?
      (COMMENT comment=STRING | TBLPROPERTIES properties=propertyList)* AS query                 #createPersistentView
    | DROP VIEW (IF EXISTS)? multipartIdentifier                                                #dropView
    | CREATE namespace (IF NOT EXISTS)? multipartIdentifier
      (COMMENT comment=STRING | LOCATION location=STRING | WITH (DBPROPERTIES | PROPERTIES) properties=propertyList)*   #createDatabase
    | DROP namespace (IF EXISTS)? multipartIdentifier (RESTRICT | CASCADE)?                     #dropDatabase
    | USE namespace? multipartIdentifier                                                        #use
    | SHOW (DATABASES | SCHEMAS | NAMESPACES) (LIKE? pattern=STRING)?                           #showDatabases
    | (DESC | DESCRIBE) namespace EXTENDED? multipartIdentifier                                 #describeDatabase
    | CREATE EXTERNAL? TABLE (IF NOT EXISTS)? multipartIdentifier
      (LPAREN columns+=columnDefinition (COMMA columns+=columnDefinition)* RPAREN)?
      (USING format=identifier)? tableClause* (AS? query)?                                      #createTable
    | DROP TABLE (IF EXISTS)? multipartIdentifier PURGE?                                        #dropTable
    | INSERT (INTO | OVERWRITE) TABLE? multipartIdentifier partitionSpec? (IF NOT EXISTS)?
      (identifierList | BY NAME | REPLACE WHERE replaceWhere=booleanExpression)? query          #insert
    | ALTER (TABLE | VIEW) from=multipartIdentifier RENAME TO to=multipartIdentifier            #renameTable
    | ALTER TABLE multipartIdentifier ADD (COLUMN | COLUMNS)
      (LPAREN columns+=columnDefinition (COMMA columns+=columnDefinition)* RPAREN
       | columns+=columnDefinition (COMMA columns+=columnDefinition)*)                           #addColumns
    | ALTER (TABLE | VIEW) multipartIdentifier SET TBLPROPERTIES propertyList                   #setTableProperties
    | ALTER (TABLE | VIEW) multipartIdentifier UNSET TBLPROPERTIES (IF EXISTS)? propertyKeyList #unsetTableProperties
    | ALTER TABLE multipartIdentifier RECOVER PARTITIONS                                        #recoverPartitions
    | MSCK REPAIR TABLE multipartIdentifier                                                     #repairTable
    | REFRESH TABLE? multipartIdentifier                                                        #refreshTable
    | REFRESH path=STRING                                                                       #refreshPath
    | TRUNCATE TABLE multipartIdentifier                                                        #truncateTable
    | SHOW PARTITIONS multipartIdentifier                                                       #showPartitions
    | SHOW CREATE TABLE multipartIdentifier                                                     #showCreateTable
    | SHOW TBLPROPERTIES multipartIdentifier (LPAREN key=optionKey RPAREN)?                     #showTableProperties
    | CREATE (OR REPLACE)? (TEMPORARY | TEMP)? FUNCTION (IF NOT EXISTS)? multipartIdentifier
      LPAREN (parameters+=functionParameter (COMMA parameters+=functionParameter)*)? RPAREN
      RETURNS (TABLE (LPAREN (columns+=functionColumn (COMMA columns+=functionColumn)*)? RPAREN)? | returnType=dataType) routineCharacteristic* RETURN (body=expression | bodyQuery=query)   #createSqlFunction
    | CREATE (OR REPLACE)? (TEMPORARY | TEMP)? FUNCTION (IF NOT EXISTS)? multipartIdentifier
      AS className=STRING (USING resource (COMMA resource)*)?                                   #createClassFunction
    | DROP (TEMPORARY | TEMP)? FUNCTION (IF EXISTS)? multipartIdentifier                        #dropFunction
    | SHOW TABLES ((FROM | IN) multipartIdentifier)? (LIKE? pattern=STRING)?                    #showTables
    | SHOW kind=identifier? FUNCTIONS ((FROM | IN) multipartIdentifier)? (LIKE? pattern=STRING)?   #showFunctions
    | (DESC | DESCRIBE) FUNCTION EXTENDED? (functionName | STRING)                              #describeFunction
    | (DESC | DESCRIBE) TABLE? EXTENDED? multipartIdentifier                                    #describeTable
    | EXPLAIN explainMode=(EXTENDED | FORMATTED | CODEGEN | COST)? statement                           #explain
    | CACHE LAZY? TABLE multipartIdentifier tableOptions? (AS? query)?                          #cacheTable
    | UNCACHE TABLE (IF EXISTS)? multipartIdentifier                                            #uncacheTable
    | CLEAR CACHE                                                                               #clearCache
    ;

namespace: DATABASE | SCHEMA | NAMESPACE;

columnDefinition: identifier dataType (NOT NULL)? (COMMENT comment=STRING)?;

/** INSERT's PARTITION (p = 'x', q): a value makes a partition static, a bare name dynamic. */
partitionSpec: PARTITION LPAREN partitionValue (COMMA partitionValue)* RPAREN;

partitionValue: identifier (EQ value=primaryExpression)?;

/** The clauses of CREATE TABLE after USING, in any order (Spark's createTableClauses). */
tableClause
    : tableOptions                                                                              #tableOptionsClause
    | PARTITIONED BY identifierList                                                             #partitionedByClause
    | CLUSTERED BY buckets=identifierList (SORTED BY sorted=identifierList)? INTO count=INTEGER_VALUE BUCKETS   #bucketsClause
    | CLUSTER BY identifierList                                                                 #clusterByClause
    | LOCATION location=STRING                                                                  #locationClause
    | COMMENT comment=STRING                                                                    #commentClause
    | TBLPROPERTIES propertyList                                                                #propertiesClause
    ;

functionParameter: identifier dataType (DEFAULT defaultValue=expression)? (COMMENT comment=STRING)?;

/** A column of a SQL table function's RETURNS TABLE (...). */
functionColumn: identifier dataType (COMMENT comment=STRING)?;

/** LANGUAGE SQL, [NOT] DETERMINISTIC, CONTAINS SQL, READS SQL DATA, MODIFIES SQL DATA (refused), COMMENT '...'. */
routineCharacteristic
    : LANGUAGE SQL | NOT? DETERMINISTIC | CONTAINS SQL | READS SQL DATA | MODIFIES SQL DATA | COMMENT comment=STRING
    ;

resource: (JAR | FILE | ARCHIVE) STRING;

tableOptions: OPTIONS propertyList;

propertyList: LPAREN tableOption (COMMA tableOption)* RPAREN;

propertyKeyList: LPAREN optionKey (COMMA optionKey)* RPAREN;

tableOption: key=optionKey EQ? value=optionValue;

optionKey: identifier (DOT identifier)* | STRING;

optionValue: STRING | number | TRUE | FALSE | identifier;
