import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ParameterDeclaration } from '../../shared/profiles/parameterSchema';
import { importSiteSheet } from './importSiteSheet';
import { importXlsxSheet } from './xlsxSheet';

const parameters = [
  { name: 'wan_address', type: 'ipv4', label: { 'zh-CN': '外网地址', en: 'WAN address' } },
  { name: 'vlan', type: 'vlan', label: { 'zh-CN': '业务 VLAN', en: 'Service VLAN' } },
  { name: 'extension', type: 'phone', label: { 'zh-CN': '分机号', en: 'Extension' } },
].map((declaration) => ParameterDeclaration.parse(declaration));

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('importXlsxSheet', () => {
  it('reads labels, numbers, formulas and rich text as the county plan holds them', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('IP 规划');
      sheet.addRow(['站点', '外网地址', 'Service VLAN', '分机号']);
      sheet.addRow(['西安-01', '192.0.2.1', 10, 1001]);
      sheet.addRow(['咸阳-02', { richText: [{ text: '192.0.' }, { text: '2.5' }] }, { formula: '10+10', result: 20 }, null]);
    });
    expect(await importXlsxSheet(bytes, { parameters })).toEqual({
      ok: true,
      columns: ['wan_address', 'vlan', 'extension'],
      sites: { '西安-01': { wan_address: '192.0.2.1', vlan: '10', extension: '1001' }, '咸阳-02': { wan_address: '192.0.2.5', vlan: '20' } },
    });
  });

  it('reads the named worksheet', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('说明').addRow(['这是说明页']);
      const plan = workbook.addWorksheet('plan');
      plan.addRow(['site', 'vlan']);
      plan.addRow(['xa', 30]);
    });
    expect(await importXlsxSheet(bytes, { parameters, worksheet: 'plan' })).toMatchObject({ ok: true, sites: { xa: { vlan: '30' } } });
    expect(await importXlsxSheet(bytes, { parameters, worksheet: 'missing' })).toMatchObject({ ok: false, problems: [{ code: 'file-format' }] });
  });

  it('refuses dates, error values and line breaks in cells, naming row and column', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('plan');
      sheet.addRow(['site', 'wan_address', 'vlan', 'extension']);
      sheet.addRow(['xa', new Date(Date.UTC(2024, 0, 2)), { error: '#N/A' }, '10\n01']);
    });
    const result = await importXlsxSheet(bytes, { parameters });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ code, row, column }) => ({ code, row, column }))).toEqual([
      { code: 'unsupported-cell', row: 2, column: 'B (wan_address)' },
      { code: 'unsupported-cell', row: 2, column: 'C (vlan)' },
      { code: 'control-character', row: 2, column: 'D (extension)' },
    ]);
    expect(result.problems[0]?.message['zh-CN']).toContain('日期');
  });

  it('reports a file that is not a workbook', async () => {
    expect(await importXlsxSheet(new TextEncoder().encode('site,vlan\n'))).toMatchObject({ ok: false, problems: [{ code: 'file-format' }] });
  });

  it('reads a .xlsx file from disk', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fieldkit-sheet-'));
    try {
      const bytes = await workbookBytes((workbook) => {
        const sheet = workbook.addWorksheet('plan');
        sheet.addRow(['site', 'vlan']);
        sheet.addRow(['xa', 40]);
      });
      await writeFile(join(directory, 'plan.xlsx'), bytes);
      expect(await importSiteSheet(join(directory, 'plan.xlsx'), { parameters })).toMatchObject({ ok: true, sites: { xa: { vlan: '40' } } });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
