/**
 * The common subset of XLSForm (XPath) expressions: comparisons of `${question}` with numbers
 * and quoted strings, `selected()`, `count-selected()`, `string-length()`, `not()`, `and`,
 * `or` and parentheses. Enough for most `relevant` and simple `constraint` columns.
 */

export type CompareOp = '=' | '!=' | '>' | '>=' | '<' | '<=';

export type Expr =
  | { kind: 'and' | 'or'; parts: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'cmp'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'ref'; name: string }
  | { kind: 'self' }
  | { kind: 'str'; value: string }
  | { kind: 'num'; value: number };

type Token =
  | { t: 'ref'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'op'; v: CompareOp }
  | { t: 'ident'; v: string }
  | { t: '(' | ')' | ',' | '.' };

export class ExpressionError extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = source.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '$') {
      const m = /^\$\{\s*([A-Za-z_][\w.-]*)\s*\}/.exec(s.slice(i));
      if (!m) throw new ExpressionError('bad reference');
      tokens.push({ t: 'ref', v: m[1]! });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('unclosed string');
      tokens.push({ t: 'str', v: s.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    const negativeAllowed = !prev || prev.t === 'op' || prev.t === '(' || prev.t === ',';
    const num = (negativeAllowed ? /^-?\d+(\.\d+)?/ : /^\d+(\.\d+)?/).exec(s.slice(i));
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const op = /^(!=|>=|<=|=|>|<)/.exec(s.slice(i));
    if (op) {
      tokens.push({ t: 'op', v: op[1] as CompareOp });
      i += op[0].length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c });
      i++;
      continue;
    }
    if (c === '.' && s[i + 1] !== '.') {
      tokens.push({ t: '.' });
      i++;
      continue;
    }
    const ident = /^[A-Za-z_][\w-]*(:[A-Za-z_][\w-]*)?/.exec(s.slice(i));
    if (ident) {
      tokens.push({ t: 'ident', v: ident[0] });
      i += ident[0].length;
      continue;
    }
    throw new ExpressionError(`unexpected "${c}"`);
  }
  return tokens;
}

/** Parses an expression; throws ExpressionError when it is outside the supported subset. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isIdent = (v: string) => {
    const tok = peek();
    return tok?.t === 'ident' && tok.v === v;
  };
  const expect = (t: '(' | ')' | ',') => {
    if (peek()?.t !== t) throw new ExpressionError(`expected ${t}`);
    pos++;
  };

  function orExpr(): Expr {
    const parts = [andExpr()];
    while (isIdent('or')) {
      pos++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }
  function andExpr(): Expr {
    const parts = [cmpExpr()];
    while (isIdent('and')) {
      pos++;
      parts.push(cmpExpr());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }
  function cmpExpr(): Expr {
    const left = primary();
    const tok = peek();
    if (tok?.t === 'op') {
      pos++;
      const right = primary();
      return { kind: 'cmp', op: tok.v, left, right };
    }
    return left;
  }
  function primary(): Expr {
    const tok = peek();
    if (!tok) throw new ExpressionError('unexpected end');
    pos++;
    switch (tok.t) {
      case '(': {
        const inner = orExpr();
        expect(')');
        return inner;
      }
      case 'ref':
        return { kind: 'ref', name: tok.v };
      case 'str':
        return { kind: 'str', value: tok.v };
      case 'num':
        return { kind: 'num', value: tok.v };
      case '.':
        return { kind: 'self' };
      case 'ident': {
        if (peek()?.t !== '(') throw new ExpressionError(`unexpected ${tok.v}`);
        pos++;
        const args: Expr[] = [];
        if (peek()?.t !== ')') {
          args.push(orExpr());
          while (peek()?.t === ',') {
            pos++;
            args.push(orExpr());
          }
        }
        expect(')');
        if (tok.v === 'not') {
          if (args.length !== 1) throw new ExpressionError('not() takes one argument');
          return { kind: 'not', expr: args[0]! };
        }
        return { kind: 'call', name: tok.v, args };
      }
      case ',':
      case ')':
      case 'op':
        throw new ExpressionError('unexpected token');
    }
  }

  if (tokens.length === 0) throw new ExpressionError('empty');
  const expr = orExpr();
  if (pos !== tokens.length) throw new ExpressionError('unexpected text after the expression');
  return expr;
}

/** `. >= 0 and . <= 120` and the like: bounds on the answer itself, or null when not that simple. */
export function parseBounds(source: string, integer: boolean): { min?: number; max?: number; exact: boolean } | null {
  let expr: Expr;
  try {
    expr = parseExpression(source);
  } catch {
    return null;
  }
  const parts = expr.kind === 'and' ? expr.parts : [expr];
  const out: { min?: number; max?: number; exact: boolean } = { exact: true };
  for (const part of parts) {
    if (part.kind !== 'cmp') return null;
    let op = part.op;
    let n: number;
    if (part.left.kind === 'self' && part.right.kind === 'num') n = part.right.value;
    else if (part.right.kind === 'self' && part.left.kind === 'num') {
      n = part.left.value;
      op = flip(op);
    } else return null;
    switch (op) {
      case '>=':
        out.min = Math.max(out.min ?? -Infinity, n);
        break;
      case '<=':
        out.max = Math.min(out.max ?? Infinity, n);
        break;
      case '>':
        if (integer && Number.isInteger(n)) out.min = Math.max(out.min ?? -Infinity, n + 1);
        else {
          out.min = Math.max(out.min ?? -Infinity, n);
          out.exact = false;
        }
        break;
      case '<':
        if (integer && Number.isInteger(n)) out.max = Math.min(out.max ?? Infinity, n - 1);
        else {
          out.max = Math.min(out.max ?? Infinity, n);
          out.exact = false;
        }
        break;
      case '=':
      case '!=':
        return null;
    }
  }
  return out;
}

export function flip(op: CompareOp): CompareOp {
  switch (op) {
    case '>':
      return '<';
    case '>=':
      return '<=';
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '=':
    case '!=':
      return op;
  }
}
