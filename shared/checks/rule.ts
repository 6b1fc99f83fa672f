/**
 * The rule language of checks: a tiny expression over a check's measured values, parsed into a
 * tree and evaluated by walking it (never `eval`, never `Function`).
 *
 *   rule     := or
 *   or       := and ( '||' and )*
 *   and      := unary ( '&&' unary )*
 *   unary    := '!' unary | '(' or ')' | test
 *   test     := subject [ ( '==' | '!=' | '<' | '<=' | '>' | '>=' | '≤' | '≥' ) value ]
 *   subject  := NAME | ( 'all' | 'any' | 'none' | 'count' ) '(' NAME ')'
 *   value    := NUMBER [ '%' ] | 'quoted text' | "quoted text" | WORD | true | false | null
 *
 * The left side of a test names a measured value; the right side is always a value, so a bare
 * word there is text (`state == Established`). A test without an operator needs a boolean
 * (`saved`, `all(up)`). Text compares without regard to case; `20%` is the number 20 (losses are
 * measured in percent). A number compared with a missing value (null) is false, not an error.
 */
import type { MeasuredValue, Measured } from './model';

export type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ListFunction = 'all' | 'any' | 'none' | 'count';
type Scalar = string | number | boolean | null;

export type RuleNode =
  | { type: 'or' | 'and'; left: RuleNode; right: RuleNode }
  | { type: 'not'; operand: RuleNode }
  | { type: 'test'; subject: Subject; operator: Operator | null; value: Scalar };

export interface Subject {
  name: string;
  function: ListFunction | null;
}

export interface Rule {
  text: string;
  root: RuleNode;
}

export class RuleError extends Error {
  override readonly name = 'RuleError';
}

const MAX_RULE_LENGTH = 500;
const FUNCTIONS: ReadonlySet<string> = new Set<ListFunction>(['all', 'any', 'none', 'count']);
const WORD = /^[A-Za-z0-9_][A-Za-z0-9_.:/+-]*/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SYMBOLS = ['&&', '||', '==', '!=', '<=', '>=', '≤', '≥', '<', '>', '!', '(', ')', '%'] as const;

type Token = { kind: 'word' | 'text' | 'symbol'; text: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const end = rest.indexOf(quote, 1);
      if (end < 0) throw new RuleError(`unterminated quoted text at ${at + 1}`);
      tokens.push({ kind: 'text', text: rest.slice(1, end), at });
      at += end + 1;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => rest.startsWith(candidate));
    const word = WORD.exec(rest) ?? (rest.startsWith('-') ? /^-\d+(?:\.\d+)?/.exec(rest) : null);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at });
      at += word[0].length;
    } else if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol === '≤' ? '<=' : symbol === '≥' ? '>=' : symbol, at });
      at += symbol.length;
    } else {
      throw new RuleError(`unexpected "${rest[0]}" at ${at + 1}`);
    }
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): RuleNode {
    const node = this.or();
    const extra = this.tokens[this.index];
    if (extra) throw new RuleError(`unexpected "${extra.text}" at ${extra.at + 1}`);
    return node;
  }

  private peek(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'symbol' && token.text === text;
  }

  private take(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new RuleError('the rule ends too early');
    this.index += 1;
    return token;
  }

  private expect(text: string): void {
    if (this.index >= this.tokens.length) throw new RuleError(`expected "${text}" but the rule ends`);
    const token = this.take();
    if (token.kind !== 'symbol' || token.text !== text) throw new RuleError(`expected "${text}" at ${token.at + 1}, found "${token.text}"`);
  }

  private or(): RuleNode {
    let node = this.and();
    while (this.peek('||')) {
      this.index += 1;
      node = { type: 'or', left: node, right: this.and() };
    }
    return node;
  }

  private and(): RuleNode {
    let node = this.unary();
    while (this.peek('&&')) {
      this.index += 1;
      node = { type: 'and', left: node, right: this.unary() };
    }
    return node;
  }

  private unary(): RuleNode {
    if (this.peek('!')) {
      this.index += 1;
      return { type: 'not', operand: this.unary() };
    }
    if (this.peek('(')) {
      this.index += 1;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    return this.test();
  }

  private test(): RuleNode {
    const subject = this.subject();
    const next = this.tokens[this.index];
    const operators: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];
    if (next?.kind !== 'symbol' || !operators.includes(next.text)) return { type: 'test', subject, operator: null, value: null };
    this.index += 1;
    return { type: 'test', subject, operator: next.text as Operator, value: this.value() };
  }

  private subject(): Subject {
    const token = this.take();
    if (token.kind !== 'word' || !NAME.test(token.text)) throw new RuleError(`expected the name of a measured value at ${token.at + 1}, found "${token.text}"`);
    if (FUNCTIONS.has(token.text) && this.peek('(')) {
      this.index += 1;
      const argument = this.take();
      if (argument.kind !== 'word' || !NAME.test(argument.text)) throw new RuleError(`${token.text}() takes the name of a measured list, at ${argument.at + 1}`);
      this.expect(')');
      return { name: argument.text, function: token.text as ListFunction };
    }
    return { name: token.text, function: null };
  }

  private value(): Scalar {
    const token = this.take();
    if (token.kind === 'text') return token.text;
    if (token.kind === 'symbol') throw new RuleError(`expected a value at ${token.at + 1}, found "${token.text}"`);
    if (NUMBER.test(token.text)) {
      if (this.peek('%')) this.index += 1;
      return Number(token.text);
    }
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
    if (lower === 'null') return null;
    return token.text;
  }
}

/** Parses a rule; throws {@link RuleError} saying where it went wrong. */
export function parseRule(text: string): Rule {
  if (text.length > MAX_RULE_LENGTH) throw new RuleError(`a rule is at most ${MAX_RULE_LENGTH} characters`);
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new RuleError('the rule is empty');
  return { text, root: new Parser(tokens).parse() };
}

/** The measured names a rule reads, for checking a rule against what a check kind measures. */
export function ruleNames(rule: Rule): string[] {
  const names = new Set<string>();
  const visit = (node: RuleNode): void => {
    if (node.type === 'test') names.add(node.subject.name);
    else if (node.type === 'not') visit(node.operand);
    else {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(rule.root);
  return [...names];
}

export interface RuleVerdict {
  holds: boolean;
  /** One line per test evaluated, with the measured value: `state (Active) == Established: false`. */
  trace: string[];
}

function show(value: MeasuredValue | undefined): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

function asNumber(value: Scalar): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  return null;
}

function compare(measured: Scalar, operator: Operator, wanted: Scalar): boolean {
  if (operator === '==' || operator === '!=') {
    const left = asNumber(measured);
    const right = asNumber(wanted);
    const equal =
      left !== null && right !== null ? left === right : typeof measured === 'string' && typeof wanted === 'string' ? measured.toLowerCase() === wanted.toLowerCase() : measured === wanted;
    return operator === '==' ? equal : !equal;
  }
  const left = asNumber(measured);
  const right = asNumber(wanted);
  if (left === null || right === null) return false;
  if (operator === '<') return left < right;
  if (operator === '<=') return left <= right;
  if (operator === '>') return left > right;
  return left >= right;
}

function subjectValue(subject: Subject, measured: Measured): Scalar {
  if (!Object.hasOwn(measured, subject.name)) throw new RuleError(`the check measures no "${subject.name}" (it measures ${Object.keys(measured).join(', ') || 'nothing'})`);
  const value = measured[subject.name] ?? null;
  if (subject.function === null) {
    if (Array.isArray(value)) throw new RuleError(`"${subject.name}" is a list: use all(${subject.name}), any(${subject.name}) or count(${subject.name})`);
    return value;
  }
  if (!Array.isArray(value)) throw new RuleError(`${subject.function}() needs a list, "${subject.name}" is ${show(value)}`);
  const truths = value.map((item) => item === true);
  if (subject.function === 'count') return truths.filter(Boolean).length;
  if (subject.function === 'all') return truths.length > 0 && truths.every(Boolean);
  if (subject.function === 'any') return truths.some(Boolean);
  return !truths.some(Boolean);
}

/**
 * Evaluates a rule over measured values. Throws {@link RuleError} when the rule reads a value the
 * check does not measure, or tests a non-boolean without an operator: the rule is wrong, which is
 * not the same as the site failing it.
 */
export function evaluateRule(rule: Rule, measured: Measured): RuleVerdict {
  const trace: string[] = [];
  const walk = (node: RuleNode): boolean => {
    switch (node.type) {
      case 'or':
        return walk(node.left) || walk(node.right);
      case 'and':
        return walk(node.left) && walk(node.right);
      case 'not':
        return !walk(node.operand);
      case 'test': {
        const value = subjectValue(node.subject, measured);
        const label = node.subject.function === null ? node.subject.name : `${node.subject.function}(${node.subject.name})`;
        if (node.operator === null) {
          if (typeof value !== 'boolean') throw new RuleError(`"${label}" is ${show(value)}, not true or false: compare it (${label} == ...)`);
          trace.push(`${label}: ${value}`);
          return value;
        }
        const holds = compare(value, node.operator, node.value);
        trace.push(`${label} (${show(value)}) ${node.operator} ${show(node.value)}: ${holds}`);
        return holds;
      }
    }
  };
  return { holds: walk(rule.root), trace };
}
