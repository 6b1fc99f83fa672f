import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ParameterDeclaration } from '../../shared/profiles/parameterSchema';
import { decodeSheetText, importCsvSheet, parseCsv } from './csvSheet';
import { importSiteSheet } from './importSiteSheet';

const parameters = [
  { name: 'wan_address', type: 'ipv4', label: { 'zh-CN': '外网地址', en: 'WAN address' } },
  { name: 'vlan', type: 'vlan', label: { 'zh-CN': '业务 VLAN', en: 'Service VLAN' } },
  { name: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' } },
].map((declaration) => ParameterDeclaration.parse(declaration));

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and any line ending', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,"two\nlines",3\r4,5,6\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'two\nlines', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps empty fields and reads a last line without a line break', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('detects tab- and semicolon-separated files', () => {
    expect(parseCsv('site\tvlan\nxa\t10\n')).toEqual([
      ['site', 'vlan'],
      ['xa', '10'],
    ]);
    expect(parseCsv('site;vlan\nxa;10\n')).toEqual([
      ['site', 'vlan'],
      ['xa', '10'],
    ]);
  });
});

describe('decodeSheetText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeSheetText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('站点,vlan')]))).toEqual({ text: '站点,vlan', encoding: 'utf-8' });
  });

  it('reads GBK text written by Excel on Chinese Windows', () => {
    const bytes = new Uint8Array(iconv.encode('站点,外网地址\n西安,192.0.2.1\n', 'gbk'));
    expect(decodeSheetText(bytes)).toEqual({ text: '站点,外网地址\n西安,192.0.2.1\n', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = new Uint8Array(iconv.encode('\ufeffsite,vlan', 'utf-16le'));
    expect(decodeSheetText(bytes)).toEqual({ text: 'site,vlan', encoding: 'utf-16le' });
  });
});

describe('importCsvSheet', () => {
  it('maps zh-CN labels and names to parameters, one record per site; blank cells stay unset', () => {
    const bytes = new Uint8Array(iconv.encode('站点,外网地址,vlan,备注\r\n西安-01,192.0.2.1,10,"机房,三楼"\r\n咸阳-02,192.0.2.5,,\r\n,,,\r\n', 'gb18030'));
    const result = importCsvSheet(bytes, { parameters });
    expect(result).toEqual({
      ok: true,
      encoding: 'gb18030',
      columns: ['wan_address', 'vlan', 'note'],
      sites: { '西安-01': { wan_address: '192.0.2.1', vlan: '10', note: '机房,三楼' }, '咸阳-02': { wan_address: '192.0.2.5' } },
    });
  });

  it('accepts parameter names as headers without declarations', () => {
    expect(importCsvSheet(utf8('site,wan_address\nxa,192.0.2.1\n'))).toMatchObject({ ok: true, sites: { xa: { wan_address: '192.0.2.1' } } });
  });

  it('names the row and column of every problem', () => {
    const csv = 'site,外网地址,unknown column,vlan,vlan\nxa,192.0.2.1,,1,\nxa,192.0.2.2,,2,\n,192.0.2.3,,3,\nxy,"line\nbreak",,4,,extra\n';
    const result = importCsvSheet(utf8(csv), { parameters });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ code, row, column }) => ({ code, row, column }))).toEqual([
      { code: 'unknown-column', row: 1, column: 'C (unknown column)' },
      { code: 'duplicate-column', row: 1, column: 'E (vlan)' },
      { code: 'duplicate-site', row: 3, column: 'A' },
      { code: 'empty-site', row: 4, column: 'A' },
      { code: 'control-character', row: 5, column: 'B (外网地址)' },
      { code: 'extra-cell', row: 5, column: 'F' },
    ]);
    expect(result.problems[2]?.message.en).toContain('row 2');
  });

  it('requires the first column to be the site', () => {
    expect(importCsvSheet(utf8('name,vlan\nxa,1\n'), { parameters })).toMatchObject({ ok: false, problems: [{ code: 'site-column', row: 1, column: 'A' }] });
  });

  it('reports CSV syntax errors with their place', () => {
    expect(importCsvSheet(utf8('site,vlan\nxa,"10\n'))).toMatchObject({ ok: false, problems: [{ code: 'csv-syntax', row: 2, column: '2' }] });
    expect(importCsvSheet(utf8('site,vlan\nxa,1"0\n'))).toMatchObject({ ok: false, problems: [{ code: 'csv-syntax', row: 2, column: '2' }] });
  });

  it('reports an empty file', () => {
    expect(importCsvSheet(utf8('\n\n'))).toMatchObject({ ok: false, problems: [{ code: 'no-header' }] });
  });
});

describe('importSiteSheet', () => {
  it('reads a .csv file from disk and refuses other extensions', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fieldkit-sheet-'));
    try {
      await writeFile(join(directory, 'plan.csv'), '\ufeffsite,vlan\nxa,10\n');
      expect(await importSiteSheet(join(directory, 'plan.csv'), { parameters })).toMatchObject({ ok: true, sites: { xa: { vlan: '10' } } });
      expect(await importSiteSheet(join(directory, 'plan.ods'))).toMatchObject({ ok: false, problems: [{ code: 'file-format' }] });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
