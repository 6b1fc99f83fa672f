import { describe, expect, it } from 'vitest';
import { evaluateRule, parseRule, RuleError, ruleNames } from './rule';
import { judge } from './verdict';

const holds = (rule: string, measured: Record<string, string | number | boolean | null | (string | number | boolean | null)[]>) => evaluateRule(parseRule(rule), measured).holds;

describe('rule language', () => {
  it('reads every rule the profile library uses', () => {
    const rules = [
      'loss <= 20%',
      'state == Established && prefixes >= 1',
      'state == Full && neighbors >= 1',
      'status == up && protocol == up',
      'ike == established && ipsec == established',
      'encaps > 0 && decaps > 0',
      'registered == all',
      'success-rate >= 80',
      'synchronised',
      'saved',
      'all(up)',
    ];
    for (const rule of rules) expect(() => parseRule(rule), rule).not.toThrow();
    expect(ruleNames(parseRule('state == Established && prefixes >= 1'))).toEqual(['state', 'prefixes']);
    expect(ruleNames(parseRule('all(up) || !saved'))).toEqual(['up', 'saved']);
  });

  it('compares numbers, percentages and words (without regard to case), with && || ! and parentheses', () => {
    expect(holds('loss <= 20%', { loss: 20 })).toBe(true);
    expect(holds('loss <= 20 %', { loss: 40 })).toBe(false);
    expect(holds('loss ≤ 20%', { loss: 0 })).toBe(true);
    expect(holds('state == Established && prefixes >= 1', { state: 'established', prefixes: 3 })).toBe(true);
    expect(holds('state == Established && prefixes >= 1', { state: 'Active', prefixes: null })).toBe(false);
    expect(holds('state != Full', { state: '2-Way' })).toBe(true);
    expect(holds('state == "2-Way" || (state == Full && !down)', { state: 'Full', down: false })).toBe(true);
    expect(holds('success-rate >= 80', { 'success-rate': 80 })).toBe(true);
    expect(holds('rttAvg < 50', { rttAvg: null })).toBe(false);
    expect(holds('reference == null', { reference: null })).toBe(true);
    expect(holds('prefixes == 1', { prefixes: '1' })).toBe(true);
  });

  it('tests lists with all(), any(), none() and count()', () => {
    expect(holds('all(up)', { up: [true, true] })).toBe(true);
    expect(holds('all(up)', { up: [true, false] })).toBe(false);
    expect(holds('all(up)', { up: [] })).toBe(false);
    expect(holds('any(up) && !none(up)', { up: [false, true] })).toBe(true);
    expect(holds('count(up) >= 2', { up: [true, false, true] })).toBe(true);
  });

  it('refuses malformed rules with the position, and never evaluates code', () => {
    expect(() => parseRule('')).toThrow(RuleError);
    expect(() => parseRule('loss <=')).toThrow(/ends too early/);
    expect(() => parseRule('loss = 20')).toThrow(/unexpected "="/);
    expect(() => parseRule('(state == Full')).toThrow(/expected "\)"/);
    expect(() => parseRule('process.exit(1)')).toThrow(RuleError);
    expect(() => parseRule('20 <= loss')).toThrow(/name of a measured value/);
    expect(() => parseRule('x'.repeat(501))).toThrow(/at most 500/);
    expect(() => evaluateRule(parseRule('constructor'), {})).toThrow(/measures no "constructor"/);
    expect(() => evaluateRule(parseRule('__proto__ == x'), {})).toThrow(RuleError);
  });

  it('says why: a name the check does not measure, or a non-boolean tested alone, is a rule error', () => {
    expect(() => evaluateRule(parseRule('lost <= 20%'), { loss: 0 })).toThrow(/measures no "lost" \(it measures loss\)/);
    expect(() => evaluateRule(parseRule('loss'), { loss: 0 })).toThrow(/not true or false/);
    expect(() => evaluateRule(parseRule('up'), { up: [true] })).toThrow(/is a list: use all\(up\)/);
    expect(evaluateRule(parseRule('state == Established && prefixes >= 1'), { state: 'Idle', prefixes: null }).trace).toEqual(['state ("Idle") == "Established": false']);
  });
});

describe('judge', () => {
  it('gives pass, fail with the failing test, warn when only the warning rule holds, and error for a broken rule', () => {
    expect(judge('loss <= 20%', { loss: 0 })).toEqual({ status: 'pass', message: null });
    expect(judge('loss <= 20%', { loss: 60 })).toEqual({ status: 'fail', message: 'rule loss <= 20% did not hold: loss (60) <= 20: false' });
    expect(judge('loss == 0', { loss: 20 }, 'loss <= 20%').status).toBe('warn');
    expect(judge('lost <= 20%', { loss: 0 })).toMatchObject({ status: 'error', message: expect.stringContaining('measures no "lost"') });
  });
});
