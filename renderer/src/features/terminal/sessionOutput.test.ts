import { describe, expect, it } from 'vitest';
import { SessionOutput } from './sessionOutput';

function collect(output: SessionOutput): string[] {
  const received: string[] = [];
  output.attach((data) => received.push(data));
  return received;
}

describe('SessionOutput', () => {
  it('delivers chunks in sequence order', () => {
    const output = new SessionOutput();
    const received = collect(output);
    output.push(0, 'a');
    output.push(2, 'c');
    output.push(1, 'b');
    output.push(3, 'd');
    expect(received).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops duplicates', () => {
    const output = new SessionOutput();
    const received = collect(output);
    output.push(0, 'a');
    output.push(0, 'a');
    output.push(1, 'b');
    output.push(1, 'b');
    expect(received.join('')).toBe('ab');
  });

  it('starts at the first sequence number seen', () => {
    const output = new SessionOutput();
    const received = collect(output);
    output.push(5, 'x');
    output.push(6, 'y');
    expect(received.join('')).toBe('xy');
  });

  it('replays the backlog to a terminal that attaches late', () => {
    const output = new SessionOutput();
    output.push(0, 'Password: ');
    output.push(1, 'r1> ');
    const received = collect(output);
    output.push(2, 'enable');
    expect(received.join('')).toBe('Password: r1> enable');
  });

  it('stops forwarding after detach', () => {
    const output = new SessionOutput();
    const received: string[] = [];
    const detach = output.attach((data) => received.push(data));
    output.push(0, 'a');
    detach();
    output.push(1, 'b');
    expect(received).toEqual(['a']);
  });

  it('skips a gap that never fills instead of stalling', () => {
    const output = new SessionOutput();
    const received = collect(output);
    output.push(0, 'a');
    for (let seq = 2; seq <= 300; seq += 1) output.push(seq, '.');
    expect(received[0]).toBe('a');
    expect(received.join('').length).toBe(1 + 299);
  });
});
