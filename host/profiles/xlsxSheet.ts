import ExcelJS from 'exceljs';
import { text, type LocalizedText } from '../../shared/profiles/problems';
import { rowsToSites, type SheetCell, type SheetImport, type SheetImportOptions, type SheetRow } from './siteSheet';

type CellValue = ExcelJS.CellValue;

/**
 * An Excel cell → text. Numbers keep their shortest form (a VLAN typed as 10 reads "10"); a
 * formula gives its cached result. A date is refused: Excel turns entries such as `1/2` into
 * dates, and reading them back as a date would silently change the value.
 */
export function cellText(value: CellValue): SheetCell {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'string') return { value };
  if (typeof value === 'number') return { value: String(value) };
  if (typeof value === 'boolean') return { value: value ? 'true' : 'false' };
  if (value instanceof Date) return { value: '', problem: dateProblem() };
  if ('richText' in value) return { value: value.richText.map((run) => run.text).join('') };
  if ('hyperlink' in value) return { value: value.text };
  if ('error' in value) return { value: '', problem: text(`单元格是错误值 ${value.error}`, `the cell holds the error ${value.error}`) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return { value: '', problem: text('公式没有保存计算结果（请在 Excel 中重新计算并保存）', 'the formula has no saved result (recalculate and save in Excel)') };
    return cellText(result);
  }
  return { value: '', problem: text('无法识别的单元格内容', 'unrecognised cell content') };
}

function dateProblem(): LocalizedText {
  return text('Excel 把这个单元格存成了日期；请把该列设为“文本”格式后重新输入', 'Excel stored this cell as a date; format the column as Text and enter the value again');
}

/** An .xlsx site sheet (bytes as read from disk) → values per site. */
export async function importXlsxSheet(bytes: Uint8Array, options: SheetImportOptions = {}): Promise<SheetImport> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy: exceljs wants an ArrayBuffer of its own, not a view into a larger one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ code: 'file-format', message: text(`不是有效的 .xlsx 文件：${detail}`, `not a valid .xlsx file: ${detail}`) }] };
  }
  const worksheet = options.worksheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.worksheet);
  if (!worksheet) {
    const wanted = options.worksheet ?? '';
    return {
      ok: false,
      problems: [{ code: 'file-format', message: text(`找不到工作表${wanted ? `“${wanted}”` : ''}`, `no worksheet${wanted ? ` named "${wanted}"` : ''} in the file`) }],
    };
  }
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SheetCell[] = [];
    for (let column = 1; column <= worksheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value));
    while (cells.length > 0 && cells[cells.length - 1]?.value === '' && !cells[cells.length - 1]?.problem) cells.pop();
    rows.push({ number, cells });
  });
  return rowsToSites(rows, options);
}
