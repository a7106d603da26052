// Evaluates the subset of Salesforce formula syntax validation rules use: AND/OR/NOT (and
// && || !), ISBLANK/ISNULL, ISPICKVAL, ISNEW, ISCHANGED, PRIORVALUE, TEXT, LEN, IF, BLANKVALUE,
// CONTAINS, BEGINS, comparisons, + - * / and &, literals and field references. Anything else
// throws FormulaError so a rule we cannot evaluate is reported, never silently skipped.

export class FormulaError extends Error {}

export interface FormulaContext {
  get(field: string): unknown;
  prior(field: string): unknown;
  isNew: boolean;
}

type Node =
  | { kind: 'lit'; value: unknown }
  | { kind: 'field'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: string; arg: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([A-Za-z_$][\w$.]*)|(&&|\|\||<>|!=|==|<=|>=|[-+*/&=<>!(),]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const text = source.replace(/\/\*[\s\S]*?\*\//g, ' ');
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match)
      throw new FormulaError(
        `cannot read formula near: ${text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}`,
      );
    tokens.push((match[1] ?? match[2] ?? match[3] ?? match[4])!);
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '=': 3,
  '==': 3,
  '!=': 3,
  '<>': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '&': 5,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};

export function parseFormula(source: string): Node {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const expect = (token: string): void => {
    if (tokens[pos] !== token)
      throw new FormulaError(`expected '${token}' in formula, found '${tokens[pos] ?? 'end'}'`);
    pos += 1;
  };
  const primary = (): Node => {
    const token = tokens[pos++];
    if (token === undefined) throw new FormulaError('formula ends unexpectedly');
    if (token === '(') {
      const inner = expression(0);
      expect(')');
      return inner;
    }
    if (token === '!' || token === '-') return { kind: 'unary', op: token, arg: primary() };
    if (/^\d/.test(token)) return { kind: 'lit', value: Number(token) };
    if (/^['"]/.test(token)) return { kind: 'lit', value: token.slice(1, -1).replace(/\\(.)/g, '$1') };
    const upper = token.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'lit', value: upper === 'TRUE' };
    if (upper === 'NULL') return { kind: 'lit', value: null };
    if (peek() === '(') {
      pos += 1;
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(expression(0));
        while (peek() === ',') {
          pos += 1;
          args.push(expression(0));
        }
      }
      expect(')');
      return { kind: 'call', name: upper, args };
    }
    return { kind: 'field', name: token };
  };
  const expression = (minPrecedence: number): Node => {
    let left = primary();
    for (;;) {
      const op = peek();
      const precedence = op === undefined ? undefined : PRECEDENCE[op];
      if (precedence === undefined || precedence <= minPrecedence) return left;
      pos += 1;
      left = { kind: 'binary', op: op!, left, right: expression(precedence) };
    }
  };
  const tree = expression(0);
  if (pos !== tokens.length) throw new FormulaError(`unexpected '${tokens[pos]}' in formula`);
  return tree;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

export function evaluateFormula(node: Node, ctx: FormulaContext): unknown {
  const ev = (n: Node): unknown => evaluateFormula(n, ctx);
  switch (node.kind) {
    case 'lit':
      return node.value;
    case 'field':
      return ctx.get(node.name);
    case 'unary':
      return node.op === '!' ? !truthy(ev(node.arg)) : -Number(ev(node.arg));
    case 'binary':
      return binary(node.op, node.left, node.right, ev);
    case 'call':
      return call(node, ctx, ev);
  }
}

function binary(op: string, leftNode: Node, rightNode: Node, ev: (n: Node) => unknown): unknown {
  if (op === '&&') return truthy(ev(leftNode)) && truthy(ev(rightNode));
  if (op === '||') return truthy(ev(leftNode)) || truthy(ev(rightNode));
  const left = ev(leftNode);
  const right = ev(rightNode);
  switch (op) {
    case '=':
    case '==':
      return same(left, right);
    case '!=':
    case '<>':
      return !same(left, right);
    case '&':
      return `${left ?? ''}${right ?? ''}`;
    case '+':
      return Number(left) + Number(right);
    case '-':
      return Number(left) - Number(right);
    case '*':
      return Number(left) * Number(right);
    case '/':
      return Number(left) / Number(right);
    default:
      if (isBlank(left) || isBlank(right)) return false;
      if (op === '<') return (left as number) < (right as number);
      if (op === '>') return (left as number) > (right as number);
      if (op === '<=') return (left as number) <= (right as number);
      return (left as number) >= (right as number);
  }
}

function call(node: Extract<Node, { kind: 'call' }>, ctx: FormulaContext, ev: (n: Node) => unknown): unknown {
  const args = node.args;
  const fieldName = (i: number): string => {
    const arg = args[i];
    if (arg?.kind !== 'field') throw new FormulaError(`${node.name} expects a field`);
    return arg.name;
  };
  switch (node.name) {
    case 'AND':
      return args.every((a) => truthy(ev(a)));
    case 'OR':
      return args.some((a) => truthy(ev(a)));
    case 'NOT':
      return !truthy(ev(args[0]!));
    case 'IF':
      return truthy(ev(args[0]!)) ? ev(args[1]!) : ev(args[2]!);
    case 'ISBLANK':
    case 'ISNULL':
      return isBlank(ev(args[0]!));
    case 'BLANKVALUE':
    case 'NULLVALUE': {
      const v = ev(args[0]!);
      return isBlank(v) ? ev(args[1]!) : v;
    }
    case 'ISPICKVAL':
      return ev(args[0]!) === ev(args[1]!);
    case 'TEXT': {
      const v = ev(args[0]!);
      return v === null || v === undefined ? '' : String(v);
    }
    case 'LEN': {
      const v = ev(args[0]!);
      return v === null || v === undefined ? 0 : String(v).length;
    }
    case 'CONTAINS':
      return String(ev(args[0]!) ?? '').includes(String(ev(args[1]!) ?? ''));
    case 'BEGINS':
      return String(ev(args[0]!) ?? '').startsWith(String(ev(args[1]!) ?? ''));
    case 'ISNEW':
      return ctx.isNew;
    case 'ISCHANGED':
      return !ctx.isNew && !same(ctx.get(fieldName(0)), ctx.prior(fieldName(0)));
    case 'PRIORVALUE':
      return ctx.isNew ? ctx.get(fieldName(0)) : ctx.prior(fieldName(0));
    default:
      throw new FormulaError(`formula function ${node.name} is not supported by the emulator`);
  }
}

function same(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return a === b;
}

function truthy(v: unknown): boolean {
  return v === true;
}
