import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { text } from '../../shared/profiles/problems';
import { importCsvSheet } from './csvSheet';
import type { SheetImport, SheetImportOptions } from './siteSheet';
import { importXlsxSheet } from './xlsxSheet';

/** A county IP plan, `.csv` or `.xlsx` by its extension → parameter values per site. */
export async function importSiteSheet(path: string, options: SheetImportOptions = {}): Promise<SheetImport> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    return {
      ok: false,
      problems: [{ code: 'file-format', message: text(`只支持 .csv 和 .xlsx 文件，收到 ${extension || '无扩展名'}`, `only .csv and .xlsx files are supported, got ${extension || 'no extension'}`) }],
    };
  }
  const bytes = new Uint8Array(await readFile(path));
  return extension === '.csv' ? importCsvSheet(bytes, options) : importXlsxSheet(bytes, options);
}
