/* Queries: WITH, set operations, SELECT blocks and what follows them (ORDER BY, LIMIT, ...). */
parser grammar SqlQueries;

query: ctes? queryBody queryOrganization;

ctes: WITH namedQuery (COMMA namedQuery)*;

namedQuery: name=identifier columnAliases=identifierList? AS? LPAREN query RPAREN;

// INTERSECT binds tighter than UNION and EXCEPT, as in Spark
queryBody
    : queryPrimary                                                                              #queryBodyDefault
    | left=queryBody op=INTERSECT setQuantifier? right=queryBody                                #setOperation
    | left=queryBody op=(UNION | EXCEPT | MINUS_KW) setQuantifier? right=queryBody              #setOperation
    ;

queryPrimary
    : querySpecification                                                                        #queryPrimaryDefault
    | inlineTable                                                                               #inlineTableQuery
    | TABLE multipartIdentifier                                                                 #tableQuery
    | LPAREN query RPAREN                                                                       #subquery
    ;

querySpecification
    : SELECT hints+=hint* setQuantifier? namedExpressionSeq fromClause? whereClause? aggregationClause? havingClause?
      windowClause? qualifyClause?
    ;

setQuantifier: DISTINCT | ALL;

hint: HINT_START statements+=hintStatement (COMMA? statements+=hintStatement)* HINT_END;

hintStatement: name=identifier (LPAREN parameters+=primaryExpression (COMMA parameters+=primaryExpression)* RPAREN)?;

whereClause: WHERE booleanExpression;

havingClause: HAVING booleanExpression;

qualifyClause: QUALIFY booleanExpression;

aggregationClause
    : GROUP BY ALL                                                                              #groupByAll
    | GROUP BY groupingElement (COMMA groupingElement)* (WITH kind=(ROLLUP | CUBE))?            #groupByList
    ;

groupingElement
    : kind=(ROLLUP | CUBE) LPAREN (groupingSet (COMMA groupingSet)*)? RPAREN                    #rollupOrCube
    | GROUPING SETS LPAREN groupingSet (COMMA groupingSet)* RPAREN                              #groupingSets
    | expression                                                                                #groupingExpression
    ;

groupingSet
    : LPAREN (expression (COMMA expression)*)? RPAREN
    | expression
    ;

windowClause: WINDOW namedWindow (COMMA namedWindow)*;

namedWindow: name=identifier AS windowSpec;

queryOrganization
    : (ORDER BY order+=sortItem (COMMA order+=sortItem)*)?
      (CLUSTER BY clusterBy+=expression (COMMA clusterBy+=expression)*)?
      (DISTRIBUTE BY distributeBy+=expression (COMMA distributeBy+=expression)*)?
      (SORT BY sort+=sortItem (COMMA sort+=sortItem)*)?
      windowClause?
      (LIMIT (ALL | limit=expression))?
      (OFFSET offset=expression)?
    ;
