/** The grammar of gilpy's Python subset as a chevrotain CstParser (rules only; semantics in to-ast.ts).
 *  Follows CPython 3.11's Grammar/python.gram, reshaped for LL(k): targets are parsed as expressions and
 *  checked afterwards, and binary operators are collected flat and ordered by precedence in to-ast.ts. */
import { CstParser, LLkLookaheadStrategy, type IToken, type TokenType } from '../lexer/chevrotain.js';
import * as T from '../lexer/tokens.js';

/** Tokens that can begin an expression: where a comma is followed by one, the list goes on. */
const EXPRESSION_START = new Set<TokenType>([
  T.Name, T.UnicodeName, T.NumberLiteral, T.StringLiteral, T.LParen, T.LBracket, T.LBrace, T.Minus, T.Plus,
  T.Tilde, T.Star, T.Not, T.Lambda, T.True, T.False, T.None, T.Ellipsis, T.Await,
]);

type AltOptions = Parameters<InstanceType<typeof LLkLookaheadStrategy>['buildLookaheadForAlternation']>[0];
type OptOptions = Parameters<InstanceType<typeof LLkLookaheadStrategy>['buildLookaheadForOptional']>[0];
type LookaheadFn = (this: unknown, alts?: unknown) => unknown;

/**
 * chevrotain's LL(k) lookahead, each decision's function built on its first use instead of all of them
 * in performSelfAnalysis: that took 45 ms of every start-up, for decisions most programs never reach.
 */
class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: AltOptions): ReturnType<InstanceType<typeof LLkLookaheadStrategy>['buildLookaheadForAlternation']> {
    return this.lazily(() => super.buildLookaheadForAlternation(options) as LookaheadFn) as never;
  }
  override buildLookaheadForOptional(options: OptOptions): ReturnType<InstanceType<typeof LLkLookaheadStrategy>['buildLookaheadForOptional']> {
    return this.lazily(() => super.buildLookaheadForOptional(options) as LookaheadFn) as never;
  }
  private lazily(build: () => LookaheadFn): LookaheadFn {
    let f: LookaheadFn | undefined;
    return function (this: unknown, alts?: unknown): unknown {
      f ??= build();
      return f.call(this, alts);
    };
  }
}

export class PythonParser extends CstParser {
  /** `validate`: run chevrotain's grammar checks (ambiguities, left recursion). They cost ~40 ms, so the
   *  shared instance skips them and a test (tests/frontend/grammar.test.ts) builds a validated one. */
  constructor(validate = false) {
    super(T.ALL_TOKENS, {
      maxLookahead: 3, recoveryEnabled: false, nodeLocationTracking: 'none', skipValidations: !validate,
      lookaheadStrategy: new LazyLookahead({ maxLookahead: 3 }),
    });
    this.performSelfAnalysis();
  }

  private startsExpression(tok: IToken): boolean {
    return EXPRESSION_START.has(tok.tokenType);
  }
  /** A comma followed by another element (not a trailing comma). */
  private commaThenElement = (): boolean =>
    this.LA(1).tokenType === T.Comma && this.startsExpression(this.LA(2));

  // ================= statements =================
  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  /** Entry rule for the expression inside an f-string's braces. */
  fstringExpr = this.RULE('fstringExpr', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.yieldExpr) },
      { ALT: () => this.SUBRULE(this.starExpressions) },
    ]);
  });

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.compoundStmt) },
      { ALT: () => this.SUBRULE(this.simpleStmts) },
    ]);
  });

  compoundStmt = this.RULE('compoundStmt', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.decorated) },
      { ALT: () => this.SUBRULE(this.funcDef) },
      { ALT: () => this.SUBRULE(this.classDef) },
      { ALT: () => this.SUBRULE(this.ifStmt) },
      { ALT: () => this.SUBRULE(this.whileStmt) },
      { ALT: () => this.SUBRULE(this.forStmt) },
      { ALT: () => this.SUBRULE(this.tryStmt) },
      { ALT: () => this.SUBRULE(this.withStmt) },
    ]);
  });

  simpleStmts = this.RULE('simpleStmts', () => {
    this.SUBRULE(this.simpleStmt);
    this.MANY({
      GATE: () => this.LA(2).tokenType !== T.NEWLINE,
      DEF: () => {
        this.CONSUME(T.Semicolon);
        this.SUBRULE2(this.simpleStmt);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Semicolon));
    this.CONSUME(T.NEWLINE);
  });

  simpleStmt = this.RULE('simpleStmt', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.exprStmt) },
      { ALT: () => this.SUBRULE(this.returnStmt) },
      { ALT: () => this.SUBRULE(this.importName) },
      { ALT: () => this.SUBRULE(this.importFrom) },
      { ALT: () => this.SUBRULE(this.raiseStmt) },
      { ALT: () => this.CONSUME(T.Pass) },
      { ALT: () => this.SUBRULE(this.delStmt) },
      { ALT: () => this.SUBRULE(this.assertStmt) },
      { ALT: () => this.CONSUME(T.Break) },
      { ALT: () => this.CONSUME(T.Continue) },
      { ALT: () => this.SUBRULE(this.globalStmt) },
      { ALT: () => this.SUBRULE(this.nonlocalStmt) },
    ]);
  });

  /** Expression statements and every kind of assignment: `a = b = c`, `a += b`, `a: int = b`. */
  exprStmt = this.RULE('exprStmt', () => {
    this.SUBRULE(this.assignValue, { LABEL: 'first' });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Colon);
            this.SUBRULE(this.expression, { LABEL: 'annotation' });
            this.OPTION2(() => {
              this.CONSUME(T.Equal);
              this.SUBRULE2(this.assignValue, { LABEL: 'annValue' });
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.AugAssign);
            this.SUBRULE3(this.assignValue, { LABEL: 'augValue' });
          },
        },
        {
          ALT: () => {
            this.AT_LEAST_ONE(() => {
              this.CONSUME2(T.Equal);
              this.SUBRULE4(this.assignValue, { LABEL: 'rhs' });
            });
          },
        },
      ]);
    });
  });

  assignValue = this.RULE('assignValue', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.yieldExpr) },
      { ALT: () => this.SUBRULE(this.starExpressions) },
    ]);
  });

  returnStmt = this.RULE('returnStmt', () => {
    this.CONSUME(T.Return);
    this.OPTION(() => this.SUBRULE(this.starExpressions));
  });

  raiseStmt = this.RULE('raiseStmt', () => {
    this.CONSUME(T.Raise);
    this.OPTION(() => {
      this.SUBRULE(this.expression, { LABEL: 'exc' });
      this.OPTION2(() => {
        this.CONSUME(T.From);
        this.SUBRULE2(this.expression, { LABEL: 'cause' });
      });
    });
  });

  globalStmt = this.RULE('globalStmt', () => {
    this.CONSUME(T.Global);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  nonlocalStmt = this.RULE('nonlocalStmt', () => {
    this.CONSUME(T.Nonlocal);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  delStmt = this.RULE('delStmt', () => {
    this.CONSUME(T.Del);
    this.SUBRULE(this.targetList);
  });

  assertStmt = this.RULE('assertStmt', () => {
    this.CONSUME(T.Assert);
    this.SUBRULE(this.expression, { LABEL: 'test' });
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expression, { LABEL: 'msg' });
    });
  });

  importName = this.RULE('importName', () => {
    this.CONSUME(T.Import);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dottedAsName) });
  });

  dottedAsName = this.RULE('dottedAsName', () => {
    this.SUBRULE(this.dottedName);
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.CONSUME(T.Identifier, { LABEL: 'asname' });
    });
  });

  dottedName = this.RULE('dottedName', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Dot, DEF: () => this.CONSUME(T.Identifier) });
  });

  importFrom = this.RULE('importFrom', () => {
    this.CONSUME(T.From);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Dot) },
        { ALT: () => this.CONSUME(T.Ellipsis) },
      ]);
    });
    this.OPTION(() => this.SUBRULE(this.dottedName));
    this.CONSUME(T.Import);
    this.OR2([
      { ALT: () => this.CONSUME(T.Star) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.importAsNames);
          this.OPTION2(() => this.CONSUME(T.Comma, { LABEL: 'trailingComma' }));
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.importAsNames) },
    ]);
  });

  importAsNames = this.RULE('importAsNames', () => {
    this.SUBRULE(this.importAsName);
    this.MANY({
      GATE: () => this.LA(2).tokenType === T.Name || this.LA(2).tokenType === T.UnicodeName,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.importAsName);
      },
    });
  });

  importAsName = this.RULE('importAsName', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.CONSUME2(T.Identifier, { LABEL: 'asname' });
    });
  });

  /** `NEWLINE INDENT statement+ DEDENT`, or simple statements on the header's line. */
  block = this.RULE('block', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NEWLINE);
          this.CONSUME(T.INDENT);
          this.AT_LEAST_ONE(() => this.SUBRULE(this.statement));
          this.CONSUME(T.DEDENT);
        },
      },
      { ALT: () => this.SUBRULE(this.simpleStmts) },
    ]);
  });

  decorated = this.RULE('decorated', () => {
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.At);
      this.SUBRULE(this.namedExpression);
      this.CONSUME(T.NEWLINE);
    });
    this.OR([
      { ALT: () => this.SUBRULE(this.funcDef) },
      { ALT: () => this.SUBRULE(this.classDef) },
    ]);
  });

  funcDef = this.RULE('funcDef', () => {
    this.CONSUME(T.Def);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.OPTION(() => this.SUBRULE(this.params));
    this.CONSUME(T.RParen);
    this.OPTION2(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE(this.expression, { LABEL: 'returns' });
    });
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
  });

  params = this.RULE('params', () => {
    this.SUBRULE(this.param);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.RParen,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.param);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  /** One parameter: `/`, `*`, `*args`, `**kwargs` or `name`, with annotation and default where allowed. */
  param = this.RULE('param', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Slash) },
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.OPTION(() => {
            this.CONSUME(T.Identifier);
            this.OPTION2(() => {
              this.CONSUME(T.Colon);
              this.SUBRULE(this.starExpression, { LABEL: 'annotation' });
            });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.DoubleStar);
          this.CONSUME2(T.Identifier);
          this.OPTION3(() => {
            this.CONSUME2(T.Colon);
            this.SUBRULE(this.expression, { LABEL: 'annotation' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.Identifier);
          this.OPTION4(() => {
            this.CONSUME3(T.Colon);
            this.SUBRULE2(this.expression, { LABEL: 'annotation' });
          });
          this.OPTION5(() => {
            this.CONSUME(T.Equal);
            this.SUBRULE3(this.expression, { LABEL: 'default' });
          });
        },
      },
    ]);
  });

  classDef = this.RULE('classDef', () => {
    this.CONSUME(T.Class);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.OPTION2(() => this.SUBRULE(this.args));
      this.CONSUME(T.RParen);
    });
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
  });

  ifStmt = this.RULE('ifStmt', () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.namedExpression);
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
    this.MANY(() => {
      this.CONSUME(T.Elif);
      this.SUBRULE2(this.namedExpression);
      this.CONSUME2(T.Colon, { ERR_MSG: "expected ':'" });
      this.SUBRULE2(this.block);
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.CONSUME3(T.Colon, { ERR_MSG: "expected ':'" });
      this.SUBRULE3(this.block, { LABEL: 'orelse' });
    });
  });

  whileStmt = this.RULE('whileStmt', () => {
    this.CONSUME(T.While);
    this.SUBRULE(this.namedExpression);
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.CONSUME2(T.Colon, { ERR_MSG: "expected ':'" });
      this.SUBRULE2(this.block, { LABEL: 'orelse' });
    });
  });

  forStmt = this.RULE('forStmt', () => {
    this.CONSUME(T.For);
    this.SUBRULE(this.targetList);
    this.CONSUME(T.In);
    this.SUBRULE(this.starExpressions);
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.CONSUME2(T.Colon, { ERR_MSG: "expected ':'" });
      this.SUBRULE2(this.block, { LABEL: 'orelse' });
    });
  });

  tryStmt = this.RULE('tryStmt', () => {
    this.CONSUME(T.Try);
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
    this.OR({
      ERR_MSG: "expected 'except' or 'finally' block",
      DEF: [
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.SUBRULE(this.exceptClause));
          this.OPTION(() => {
            this.CONSUME(T.Else);
            this.CONSUME2(T.Colon, { ERR_MSG: "expected ':'" });
            this.SUBRULE2(this.block, { LABEL: 'orelse' });
          });
          this.OPTION2(() => this.SUBRULE(this.finallyClause));
        },
      },
      { ALT: () => this.SUBRULE2(this.finallyClause) },
      ],
    });
  });

  exceptClause = this.RULE('exceptClause', () => {
    this.CONSUME(T.Except);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.OPTION2(() => {
        this.CONSUME(T.As);
        this.CONSUME(T.Identifier);
      });
    });
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
  });

  finallyClause = this.RULE('finallyClause', () => {
    this.CONSUME(T.Finally);
    this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
    this.SUBRULE(this.block);
  });

  withStmt = this.RULE('withStmt', () => {
    this.CONSUME(T.With);
    this.OR([
      {
        GATE: this.BACKTRACK(this.parenWithItems),
        ALT: () => this.SUBRULE(this.parenWithItems),
      },
      {
        ALT: () => {
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.withItem) });
          this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
        },
      },
    ]);
    this.SUBRULE(this.block);
  });

  /** `with (a as b, c as d):` — only when the parentheses are directly followed by the colon. */
  parenWithItems = this.RULE('parenWithItems', () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.withItem);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.RParen,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.withItem);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
    this.CONSUME(T.RParen);
    this.CONSUME(T.Colon);
  });

  withItem = this.RULE('withItem', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.SUBRULE(this.targetElem);
    });
  });

  // ================= expressions =================
  /** `a, *b, c` — a tuple if there is a comma. */
  starExpressions = this.RULE('starExpressions', () => {
    this.SUBRULE(this.starExpression);
    this.MANY({
      GATE: this.commaThenElement,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.starExpression);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
  });

  starExpression = this.RULE('starExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.SUBRULE(this.binaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  starNamedExpression = this.RULE('starNamedExpression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.SUBRULE(this.binaryExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.namedExpression) },
    ]);
  });

  /** Targets of `for`, `del` and comprehensions: no comparisons, so `in` ends them. */
  targetList = this.RULE('targetList', () => {
    this.SUBRULE(this.targetElem);
    this.MANY({
      GATE: this.commaThenElement,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.targetElem);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
  });

  targetElem = this.RULE('targetElem', () => {
    this.OPTION(() => this.CONSUME(T.Star));
    this.SUBRULE(this.binaryExpr);
  });

  namedExpression = this.RULE('namedExpression', () => {
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(T.ColonEqual);
      this.SUBRULE2(this.expression, { LABEL: 'value' });
    });
  });

  expression = this.RULE('expression', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.lambdef) },
      {
        ALT: () => {
          this.SUBRULE(this.disjunction);
          this.OPTION(() => {
            this.CONSUME(T.If);
            this.SUBRULE2(this.disjunction, { LABEL: 'test' });
            // optional here so that to-ast.ts can report a missing `else` where CPython does
            this.OPTION2(() => {
              this.CONSUME(T.Else);
              this.SUBRULE(this.expression, { LABEL: 'orelse' });
            });
          });
        },
      },
    ]);
  });

  lambdef = this.RULE('lambdef', () => {
    this.CONSUME(T.Lambda);
    this.OPTION(() => this.SUBRULE(this.lambdaParams));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  lambdaParams = this.RULE('lambdaParams', () => {
    this.SUBRULE(this.lambdaParam);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.Colon,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.lambdaParam);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  lambdaParam = this.RULE('lambdaParam', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Slash) },
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.OPTION(() => this.CONSUME(T.Identifier));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.DoubleStar);
          this.CONSUME2(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.Identifier);
          this.OPTION2(() => {
            this.CONSUME(T.Equal);
            this.SUBRULE(this.expression, { LABEL: 'default' });
          });
        },
      },
    ]);
  });

  /** `or` down to `*`: operands and operators in source order, flat (one CST node, not one per
   *  precedence level: a measured 2x on parse time). to-ast.ts applies precedence and associativity. */
  disjunction = this.RULE('disjunction', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.BinaryOperator) },
        { ALT: () => this.CONSUME(T.CompareOperator) },
        { ALT: () => this.CONSUME(T.And) },
        { ALT: () => this.CONSUME(T.Or) },
        { ALT: () => this.CONSUME(T.In) },
        { ALT: () => this.SUBRULE(this.wordComparison) },
      ]);
      this.SUBRULE2(this.unary);
    });
  });

  /** `not in`, `is`, `is not`: a node of their own, so that each `not` stays with its partner. */
  wordComparison = this.RULE('wordComparison', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.CONSUME(T.In);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Is);
          this.OPTION(() => this.CONSUME2(T.Not));
        },
      },
    ]);
  });

  /** `|` down to `*` only (CPython's `bitwise_or`): star targets, `for` targets, `*x` and `**x`. */
  binaryExpr = this.RULE('binaryExpr', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(T.BinaryOperator);
      this.SUBRULE2(this.unary);
    });
  });

  /** Prefix operators (`not`, `-`, `+`, `~`), a primary, and `**` with its right operand. */
  unary = this.RULE('unary', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Not) },
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
        { ALT: () => this.CONSUME(T.Tilde) },
      ]);
    });
    this.SUBRULE(this.atom);
    this.MANY2(() => this.SUBRULE(this.trailer));
    this.OPTION(() => {
      this.CONSUME(T.DoubleStar);
      this.SUBRULE2(this.unary, { LABEL: 'exponent' });
    });
  });

  trailer = this.RULE('trailer', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Dot);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.OPTION(() => this.SUBRULE(this.args));
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.SUBRULE(this.slices);
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  args = this.RULE('args', () => {
    this.SUBRULE(this.arg);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.RParen,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.arg);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  arg = this.RULE('arg', () => {
    this.OR({
      // `name=value` is a keyword; an expression before `=` is the error CPython names (badKwValue)
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Star);
            this.SUBRULE(this.expression, { LABEL: 'starred' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.DoubleStar);
            this.SUBRULE2(this.expression, { LABEL: 'doubleStarred' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Identifier);
            this.CONSUME(T.Equal);
            this.SUBRULE3(this.expression, { LABEL: 'kwValue' });
          },
        },
        {
          ALT: () => {
            this.SUBRULE(this.namedExpression);
            this.OPTION(() => {
              this.OR2([
                { ALT: () => this.SUBRULE(this.compFor) },
                {
                  ALT: () => {
                    this.CONSUME2(T.Equal);
                    this.SUBRULE4(this.expression, { LABEL: 'badKwValue' });
                  },
                },
              ]);
            });
          },
        },
      ],
    });
  });

  slices = this.RULE('slices', () => {
    this.SUBRULE(this.slice);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.RBracket,
      DEF: () => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.slice);
      },
    });
    this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
  });

  slice = this.RULE('slice', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.SUBRULE(this.binaryExpr, { LABEL: 'starred' });
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.SUBRULE(this.namedExpression, { LABEL: 'lower' }));
          this.OPTION2(() => {
            this.CONSUME(T.Colon);
            this.OPTION3(() => this.SUBRULE(this.expression, { LABEL: 'upper' }));
            this.OPTION4(() => {
              this.CONSUME2(T.Colon);
              this.OPTION5(() => this.SUBRULE2(this.expression, { LABEL: 'step' }));
            });
          });
        },
      },
    ]);
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME(T.StringLiteral)) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.None) },
      { ALT: () => this.CONSUME(T.Ellipsis) },
      { ALT: () => this.SUBRULE(this.parenAtom) },
      { ALT: () => this.SUBRULE(this.listAtom) },
      { ALT: () => this.SUBRULE(this.braceAtom) },
    ]);
  });

  /** `()`, `(x)`, `(x,)`, `(yield)`, `(x for x in y)`. */
  parenAtom = this.RULE('parenAtom', () => {
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.yieldExpr) },
        { ALT: () => this.SUBRULE(this.elements) },
      ]);
    });
    this.CONSUME(T.RParen);
  });

  listAtom = this.RULE('listAtom', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => this.SUBRULE(this.elements));
    this.CONSUME(T.RBracket);
  });

  /** The inside of a display: one element and a comprehension, or elements with commas. */
  elements = this.RULE('elements', () => {
    this.SUBRULE(this.starNamedExpression);
    this.OR([
      { ALT: () => this.SUBRULE(this.compFor) },
      {
        ALT: () => {
          this.MANY({
            GATE: this.commaThenElement,
            DEF: () => {
              this.CONSUME(T.Comma);
              this.SUBRULE2(this.starNamedExpression);
            },
          });
          this.OPTION(() => this.CONSUME2(T.Comma, { LABEL: 'trailingComma' }));
        },
      },
    ]);
  });

  braceAtom = this.RULE('braceAtom', () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.dictSetItem);
      this.OR([
        { ALT: () => this.SUBRULE(this.compFor) },
        {
          ALT: () => {
            this.MANY({
              GATE: () => this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.RBrace,
              DEF: () => {
                this.CONSUME(T.Comma);
                this.SUBRULE2(this.dictSetItem);
              },
            });
            this.OPTION2(() => this.CONSUME2(T.Comma));
          },
        },
      ]);
    });
    this.CONSUME(T.RBrace);
  });

  /** `**mapping`, `key: value`, or a set element. */
  dictSetItem = this.RULE('dictSetItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.DoubleStar);
          this.SUBRULE(this.binaryExpr);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.starNamedExpression, { LABEL: 'key' });
          this.OPTION(() => {
            this.CONSUME(T.Colon);
            this.SUBRULE(this.expression, { LABEL: 'value' });
          });
        },
      },
    ]);
  });

  compFor = this.RULE('compFor', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.compClause));
  });

  compClause = this.RULE('compClause', () => {
    this.CONSUME(T.For);
    this.SUBRULE(this.targetList);
    this.CONSUME(T.In);
    this.SUBRULE(this.disjunction, { LABEL: 'iter' });
    this.MANY(() => {
      this.CONSUME(T.If);
      this.SUBRULE2(this.disjunction, { LABEL: 'ifs' });
    });
  });

  yieldExpr = this.RULE('yieldExpr', () => {
    this.CONSUME(T.Yield);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.From);
            this.SUBRULE(this.expression);
          },
        },
        { ALT: () => this.SUBRULE(this.starExpressions) },
      ]);
    });
  });
}

/** One parser instance serves every parse (chevrotain parsers are reusable via `input`). */
export const parser = new PythonParser();
