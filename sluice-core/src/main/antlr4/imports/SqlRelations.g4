/* FROM clauses: tables, views, subqueries, VALUES, table-valued functions, joins, LATERAL VIEW, PIVOT. */
parser grammar SqlRelations;

fromClause: FROM relation (COMMA relation)* lateralView* pivotClause? unpivotClause?;

relation: LATERAL? relationPrimary joinRelation*;

joinRelation
    : joinType JOIN LATERAL? right=relationPrimary joinCriteria?
    | NATURAL joinType JOIN LATERAL? right=relationPrimary
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | RIGHT OUTER?
    | FULL OUTER?
    | LEFT? ANTI
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

relationPrimary
    : multipartIdentifier tableAlias                                                            #tableName
    | LPAREN query RPAREN tableAlias                                                            #aliasedQuery
    | LPAREN relation RPAREN tableAlias                                                         #aliasedRelation
    | inlineTable                                                                               #inlineTableDefault
    | functionName LPAREN (tableFunctionArgument (COMMA tableFunctionArgument)*)? RPAREN tableAlias  #tableValuedFunction
    ;

// a table function's argument: a table (Spark's TABLE t / TABLE(t) / TABLE(query), partitioned and ordered) or a value
tableFunctionArgument
    : (name=identifier FAT_ARROW)? TABLE (LPAREN query RPAREN | LPAREN multipartIdentifier RPAREN | multipartIdentifier)
      tableArgumentPartitioning?                                                                #tableArgument
    | functionArgument                                                                          #valueArgument
    ;

tableArgumentPartitioning
    : (WITH SINGLE PARTITION
        | (PARTITION | DISTRIBUTE) BY (LPAREN partition+=expression (COMMA partition+=expression)* RPAREN | partition+=expression))
      ((ORDER | SORT) BY (LPAREN sortItem (COMMA sortItem)* RPAREN | sortItem))?
    ;

inlineTable: VALUES expression (COMMA expression)* tableAlias;

tableAlias: (AS? alias=identifier columns=identifierList?)?;

lateralView
    : LATERAL VIEW OUTER? functionName LPAREN (expression (COMMA expression)*)? RPAREN
      tableName=identifier? (AS? columnNames+=identifier (COMMA columnNames+=identifier)*)?
    ;

pivotClause
    : PIVOT LPAREN aggregates=namedExpressionSeq FOR pivotColumn IN LPAREN pivotValues+=pivotValue
      (COMMA pivotValues+=pivotValue)* RPAREN RPAREN
    ;

pivotColumn: identifiers+=identifier | LPAREN identifiers+=identifier (COMMA identifiers+=identifier)* RPAREN;

pivotValue: expression (AS? identifier)?;

unpivotClause
    : UNPIVOT ((INCLUDE | EXCLUDE) NULLS)? LPAREN valueColumn=identifier FOR nameColumn=identifier IN LPAREN
      unpivotColumns+=unpivotColumn (COMMA unpivotColumns+=unpivotColumn)* RPAREN RPAREN (AS? alias=identifier)?
    ;

unpivotColumn: multipartIdentifier (AS? identifier)?;

multipartIdentifier: parts+=identifier (DOT parts+=identifier)*;

identifierList: LPAREN identifier (COMMA identifier)* RPAREN;
