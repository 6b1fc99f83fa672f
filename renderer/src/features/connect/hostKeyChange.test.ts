import { describe, expect, it } from 'vitest';
import { hostKeyChange } from './hostKeyChange';

const details = { storedFingerprint: 'SHA256:old', presentedFingerprint: 'SHA256:new', algorithm: 'ssh-ed25519' };

describe('hostKeyChange', () => {
  it('reads both fingerprints from a HostKeyChanged error', () => {
    expect(hostKeyChange({ code: 'HostKeyChanged', message: 'changed', details })).toEqual(details);
  });

  it('ignores other errors and unusable details', () => {
    expect(hostKeyChange(null)).toBeNull();
    expect(hostKeyChange({ code: 'AuthFailed', message: 'no', details })).toBeNull();
    expect(hostKeyChange({ code: 'HostKeyChanged', message: 'changed' })).toBeNull();
    expect(hostKeyChange({ code: 'HostKeyChanged', message: 'changed', details: { ...details, presentedFingerprint: 'MD5:aa' } })).toBeNull();
  });
});
