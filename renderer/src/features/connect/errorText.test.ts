import { describe, expect, it } from 'vitest';
import { errorDetail } from './errorText';

describe('errorDetail', () => {
  it('keeps a plain host message', () => {
    expect(errorDetail('connect ECONNREFUSED 127.0.0.1:2601')).toBe('connect ECONNREFUSED 127.0.0.1:2601');
  });

  it('drops stack frames', () => {
    const message = 'Error: boom\n    at Socket.<anonymous> (/work/host/telnet.ts:10:5)\n    at emit (node:events:1:1)';
    expect(errorDetail(message)).toBe('Error: boom');
  });

  it('caps the length', () => {
    const detail = errorDetail('x'.repeat(1000));
    expect(detail.length).toBe(301);
    expect(detail.endsWith('…')).toBe(true);
  });
});
