/* Expressions, with Spark's operator precedence (loosest first: OR, AND, NOT, predicates, comparisons, |, ^, &,
 * shifts, + - ||, * / % DIV, unary, postfix). */
parser grammar SqlExpressions;

namedExpression: expression (AS? (name=identifier | names=identifierList))?;

namedExpressionSeq: namedExpression (COMMA namedExpression)*;

expression: booleanExpression;

booleanExpression
    : (NOT | BANG) booleanExpression                                                            #logicalNot
    | EXISTS LPAREN query RPAREN                                                                #exists
    | valueExpression predicate?                                                                #predicated
    | left=booleanExpression op=AND right=booleanExpression                                     #logicalBinary
    | left=booleanExpression op=OR right=booleanExpression                                      #logicalBinary
    ;

predicate
    : NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression                         #betweenPredicate
    | NOT? kind=IN LPAREN expression (COMMA expression)* RPAREN                                 #inListPredicate
    | NOT? kind=IN LPAREN query RPAREN                                                          #inSubqueryPredicate
    | NOT? kind=(RLIKE | REGEXP) pattern=valueExpression                                        #rlikePredicate
    | NOT? kind=(LIKE | ILIKE) quantifier=(ANY | SOME | ALL)
      LPAREN (patterns+=expression (COMMA patterns+=expression)*)? RPAREN                       #quantifiedLikePredicate
    | NOT? kind=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escapeChar=STRING)?              #likePredicate
    | IS NOT? kind=NULL                                                                         #nullPredicate
    | IS NOT? kind=(TRUE | FALSE | UNKNOWN)                                                     #truthPredicate
    | IS NOT? kind=DISTINCT FROM right=valueExpression                                          #distinctFromPredicate
    ;

valueExpression
    : primaryExpression                                                                         #valueExpressionDefault
    | op=(MINUS | PLUS | TILDE) valueExpression                                                 #arithmeticUnary
    | left=valueExpression op=(ASTERISK | SLASH | PERCENT | DIV) right=valueExpression          #arithmeticBinary
    | left=valueExpression op=(PLUS | MINUS | CONCAT_PIPE) right=valueExpression                #arithmeticBinary
    | left=valueExpression shiftOperator right=valueExpression                                  #shiftExpression
    | left=valueExpression op=AMPERSAND right=valueExpression                                   #arithmeticBinary
    | left=valueExpression op=HAT right=valueExpression                                         #arithmeticBinary
    | left=valueExpression op=PIPE right=valueExpression                                        #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression                             #comparison
    ;

shiftOperator: LT LT | GT GT GT | GT GT;

comparisonOperator: EQ | NEQ | NSEQ | LT | LTE | GT | GTE;

primaryExpression
    : CASE whenClause+ (ELSE elseExpression=expression)? END                                    #searchedCase
    | CASE value=expression whenClause+ (ELSE elseExpression=expression)? END                   #simpleCase
    | name=(CAST | TRY_CAST) LPAREN expression AS dataType RPAREN                               #cast
    | EXTRACT LPAREN field=identifier FROM source=valueExpression RPAREN                        #extract
    | (SUBSTR | SUBSTRING) LPAREN str=valueExpression (FROM | COMMA) pos=valueExpression
      ((FOR | COMMA) len=valueExpression)? RPAREN                                               #substring
    | TRIM LPAREN trimOption=(BOTH | LEADING | TRAILING)? trimStr=valueExpression?
      FROM srcStr=valueExpression RPAREN                                                        #trim
    | POSITION LPAREN substr=valueExpression IN str=valueExpression RPAREN                      #position
    | OVERLAY LPAREN input=valueExpression PLACING replace=valueExpression
      FROM position=valueExpression (FOR length=valueExpression)? RPAREN                        #overlay
    | constant                                                                                  #constantDefault
    | ASTERISK (EXCEPT identifierList)?                                                         #star
    | qualifiedName DOT ASTERISK (EXCEPT identifierList)?                                       #star
    | LPAREN namedExpression (COMMA namedExpression)+ RPAREN                                    #rowConstructor
    | LPAREN query RPAREN                                                                       #subqueryExpression
    | functionName LPAREN (setQuantifier? arguments+=functionArgument
      (COMMA arguments+=functionArgument)*)? RPAREN
      (WITHIN GROUP LPAREN ORDER BY withinOrder+=sortItem (COMMA withinOrder+=sortItem)* RPAREN)?
      (FILTER LPAREN WHERE where=booleanExpression RPAREN)?
      (nullsOption=(IGNORE | RESPECT) NULLS)?
      (OVER windowSpec)?                                                                        #functionCall
    | lambdaParameter ARROW expression                                                          #lambda
    | LPAREN lambdaParameter (COMMA lambdaParameter)* RPAREN ARROW expression                   #lambda
    | value=primaryExpression LBRACKET index=valueExpression RBRACKET                          #subscript
    | columnName                                                                                #columnReference
    | base=primaryExpression DOT fieldName=anyName                                              #dereference
    | LPAREN expression RPAREN                                                                  #parenthesizedExpression
    | primaryExpression DOUBLE_COLON dataType                                                   #colonCast
    | primaryExpression COLLATE collation+=identifier (DOT collation+=identifier)*               #collateClause
    ;

functionArgument
    : name=identifier FAT_ARROW expression                                                      #namedArgument
    | expression                                                                                #positionalArgument
    ;

whenClause: WHEN condition=expression THEN result=expression;

windowSpec
    : name=identifier                                                                           #windowReference
    | LPAREN base=identifier? (PARTITION BY partition+=expression (COMMA partition+=expression)*)?
      (ORDER BY sortItem (COMMA sortItem)*)? windowFrame? RPAREN                                #windowDefinition
    ;

windowFrame
    : frameType=(RANGE | ROWS) start=frameBound
    | frameType=(RANGE | ROWS) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=(PRECEDING | FOLLOWING)
    | CURRENT ROW
    | expression boundType=(PRECEDING | FOLLOWING)
    ;

sortItem: expression ordering=(ASC | DESC)? (NULLS nullOrder=(FIRST | LAST))?;

constant
    : NULL                                                                                      #nullLiteral
    | INTERVAL intervalPart+                                                                    #intervalLiteral
    | type=(DATE | TIMESTAMP | TIMESTAMP_NTZ | TIMESTAMP_LTZ) STRING                            #typedLiteral
    | number                                                                                    #numericLiteral
    | (TRUE | FALSE)                                                                            #booleanLiteral
    | STRING+                                                                                   #stringLiteral
    | BINARY_HEX                                                                                #binaryLiteral
    | typeName=identifier STRING                                                                #typeConstructor
    ;

intervalPart: (MINUS? (number | STRING)) unit=identifier (TO toUnit=identifier)? | STRING;

number
    : MINUS? INTEGER_VALUE
    | MINUS? BIGINT_LITERAL
    | MINUS? SMALLINT_LITERAL
    | MINUS? TINYINT_LITERAL
    | MINUS? DECIMAL_VALUE
    | MINUS? EXPONENT_VALUE
    | MINUS? FLOAT_LITERAL
    | MINUS? DOUBLE_LITERAL
    | MINUS? BIGDECIMAL_LITERAL
    ;

// a type as the DDL parser reads it: the builder hands the text over (array<int>, decimal(10,2), struct<a:int>)
dataType
    : INTERVAL (from=identifier (TO to=identifier)?)?
    | identifier LT dataTypeArgument (COMMA dataTypeArgument)* GT
    | identifier (LPAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RPAREN)? (COLLATE identifier (DOT identifier)*)?
    ;

dataTypeArgument: identifier COLON? dataType | dataType;

qualifiedName: identifier (DOT identifier)*;

// names that are keywords elsewhere but also Spark functions
functionName
    : qualifiedName
    | LEFT | RIGHT | FILTER | EXISTS | ANY | SOME | LIKE | ILIKE | RLIKE | REGEXP | GROUPING | IN | ROLLUP | CUBE | WINDOW
    ;

identifier: IDENTIFIER | BACKQUOTED_IDENTIFIER | nonReserved;

// a lambda's parameter or a column: also LEFT, RIGHT and WINDOW, which only clauses reserve ((left, right) -> ...)
lambdaParameter: identifier | LEFT | RIGHT;

columnName: identifier | LEFT | RIGHT | WINDOW;

// after a dot every word is a field name (session_window.end)
anyName
    : identifier | LEFT | RIGHT | WINDOW | END | FROM | SELECT | WHERE | GROUP | ORDER | BY | JOIN | ON | AND | OR | NOT
    | AS | CASE | WHEN | THEN | ELSE | IN | IS | NULL | TRUE | FALSE | ALL | DISTINCT | UNION | LIMIT | OFFSET | HAVING
    | INNER | OUTER | FULL | CROSS | NATURAL | USING | WITH | LATERAL | PIVOT | UNPIVOT | QUALIFY | BETWEEN | SEMI | ANTI
    | INTERSECT | EXCEPT | SORT | USING | EXISTS
    ;

// keywords usable as names; the clause words (SELECT, FROM, JOIN, LEFT, ...) are not
nonReserved
    : ANY | ASC | BOTH | CLUSTER | CUBE | CURRENT | DATE | DESC | DISTRIBUTE | ESCAPE | EXCLUDE | EXTRACT | FILTER
    | FIRST | FOLLOWING | FOR | GROUPING | IGNORE | ILIKE | INCLUDE | INTERVAL | INTO | LAST | LEADING | LIKE | NULLS
    | OVER | PARTITION | POSITION | PRECEDING | RANGE | REGEXP | RESPECT | RLIKE | ROLLUP | ROW | ROWS | SETS | SOME
    | SUBSTR | SUBSTRING | TABLE | TABLESAMPLE | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ | TO | TRAILING | TRIM
    | TRY_CAST | UNBOUNDED | UNKNOWN | VALUES | VIEW | WITHIN | DIV | EXISTS | CAST | OVERLAY | PLACING
    | CACHE | CODEGEN | COST | CREATE | DESCRIBE | DROP | EXPLAIN | EXTENDED | FORMATTED | FUNCTION | FUNCTIONS | GLOBAL | IF | INSERT | LAZY | OPTIONS | OVERWRITE | PARTITIONED | REPLACE | SHOW | TABLES | TEMP | TEMPORARY | UNCACHE | CLEAR | END | COLLATE
    | DATABASE | DATABASES | SCHEMA | SCHEMAS | NAMESPACE | NAMESPACES | USE | COMMENT | LOCATION | DBPROPERTIES | PROPERTIES | TBLPROPERTIES | RESTRICT | CASCADE | ALTER | RENAME | ADD | COLUMNS | SET | RECOVER | PARTITIONS | MSCK | REPAIR | TRUNCATE | RETURNS | RETURN | REFRESH | CLUSTERED | SORTED | BUCKETS | EXTERNAL | UNSET | PURGE | COLUMN | LANGUAGE | SQL | DETERMINISTIC | CONTAINS | READS | DATA | MODIFIES | JAR | FILE | ARCHIVE | NAME | DEFAULT
    | SINGLE
    ;
