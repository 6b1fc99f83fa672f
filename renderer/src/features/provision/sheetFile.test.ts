import { describe, expect, it } from 'vitest';
import { bytesToBase64, readFileBase64 } from './sheetFile';

describe('bytesToBase64', () => {
  it('encodes UTF-8 and GB18030 bytes as they are', () => {
    const text = 'site,mgmt_address\n实验室-FRR,192.168.100.2\n';
    expect(bytesToBase64(new TextEncoder().encode(text))).toBe(Buffer.from(text, 'utf8').toString('base64'));
    const gb = new Uint8Array([0xca, 0xb5, 0xd1, 0xe9, 0xca, 0xd2]);
    expect(bytesToBase64(gb)).toBe(Buffer.from(gb).toString('base64'));
  });

  it('encodes a file larger than one chunk', async () => {
    const bytes = new Uint8Array(100_001).map((_, index) => index % 251);
    expect(await readFileBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });
});
