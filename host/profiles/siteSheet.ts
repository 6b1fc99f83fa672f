import { findForbiddenCharacter, describeCodePoint } from '../../shared/profiles/characters';
import type { ParameterDeclaration } from '../../shared/profiles/parameterSchema';
import { text, type LocalizedText } from '../../shared/profiles/problems';

/** Parameter values per site, as read from a county IP plan: `sites[site][parameter] = value`. */
export type SiteSheet = Record<string, Record<string, string>>;

export type SheetProblemCode =
  | 'file-format'
  | 'encoding'
  | 'csv-syntax'
  | 'no-header'
  | 'site-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'empty-site'
  | 'duplicate-site'
  | 'extra-cell'
  | 'control-character'
  | 'unsupported-cell';

/** `row` is 1-based as the spreadsheet shows it; `column` is the header text or the column letter. */
export interface SheetProblem {
  code: SheetProblemCode;
  row?: number;
  column?: string;
  message: LocalizedText;
}

export type SheetImport = { ok: true; sites: SiteSheet; columns: string[]; encoding?: string } | { ok: false; problems: SheetProblem[] };

export interface SheetImportOptions {
  /**
   * Parameters the sheet may fill (usually every parameter of the library). A header cell may be
   * a parameter name or its zh-CN or English label. Without them a header must be a parameter
   * name (lower-case snake_case).
   */
  parameters?: readonly ParameterDeclaration[];
  /** .xlsx only: the worksheet to read; the first one by default. */
  worksheet?: string;
}

/** One cell as read from a file; `problem` marks a cell that could not be turned into text. */
export interface SheetCell {
  value: string;
  problem?: LocalizedText;
}

export interface SheetRow {
  number: number;
  cells: SheetCell[];
}

const SITE_HEADERS = new Set(['site', '站点', '站点名称']);

/** Column letters as spreadsheets show them: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function columnName(index: number, header: string | undefined): string {
  return header ? `${columnLetter(index)} (${header})` : columnLetter(index);
}

/**
 * Rows (header first) → values per site. Blank rows are skipped, blank cells leave the
 * parameter unset (so its default applies). All problems are collected, each with its place.
 */
export function rowsToSites(rows: readonly SheetRow[], options: SheetImportOptions = {}): SheetImport {
  const problems: SheetProblem[] = [];
  const filled = rows.filter((row) => row.cells.some((cell) => cell.value.trim().length > 0 || cell.problem));
  const header = filled[0];
  if (!header) return { ok: false, problems: [{ code: 'no-header', message: text('表格是空的：第一行应是参数名', 'the sheet is empty: the first row must hold the parameter names') }] };
  const headers = header.cells.map((cell) => cell.value.trim());
  if (!SITE_HEADERS.has((headers[0] ?? '').toLowerCase())) {
    problems.push({
      code: 'site-column',
      row: header.number,
      column: 'A',
      message: text(`第 ${header.number} 行 A 列应是“site”（站点），实际是“${headers[0] ?? ''}”`, `row ${header.number}, column A must be "site", found "${headers[0] ?? ''}"`),
    });
  }
  const columns = resolveColumns(headers, header.number, options.parameters, problems);
  const sites: SiteSheet = {};
  const siteRows = new Map<string, number>();
  for (const row of filled.slice(1)) {
    const site = (row.cells[0]?.value ?? '').trim();
    if (!site) {
      problems.push({ code: 'empty-site', row: row.number, column: 'A', message: text(`第 ${row.number} 行没有站点名（A 列）`, `row ${row.number} has no site name in column A`) });
      continue;
    }
    const earlier = siteRows.get(site);
    if (earlier !== undefined) {
      problems.push({
        code: 'duplicate-site',
        row: row.number,
        column: 'A',
        message: text(`第 ${row.number} 行的站点“${site}”与第 ${earlier} 行重复`, `row ${row.number}: site "${site}" already appears in row ${earlier}`),
      });
      continue;
    }
    siteRows.set(site, row.number);
    const values: Record<string, string> = {};
    row.cells.forEach((cell, index) => {
      const place = columnName(index + 1, headers[index]);
      const forbidden = findForbiddenCharacter(cell.value);
      if (cell.problem) {
        problems.push({ code: 'unsupported-cell', row: row.number, column: place, message: text(`第 ${row.number} 行 ${place} 列：${cell.problem['zh-CN']}`, `row ${row.number}, column ${place}: ${cell.problem.en}`) });
      } else if (forbidden) {
        const what = describeCodePoint(forbidden.codePoint);
        problems.push({
          code: 'control-character',
          row: row.number,
          column: place,
          message: text(`第 ${row.number} 行 ${place} 列含有控制字符 ${what}（单元格内换行？）`, `row ${row.number}, column ${place} contains the control character ${what} (a line break inside the cell?)`),
        });
      } else if (index > 0 && cell.value.trim().length > 0) {
        const name = columns[index];
        if (name === undefined) {
          if (index >= headers.length || !headers[index]) {
            problems.push({ code: 'extra-cell', row: row.number, column: place, message: text(`第 ${row.number} 行 ${place} 列有值，但这一列没有表头`, `row ${row.number}, column ${place} has a value but the column has no header`) });
          }
        } else {
          values[name] = cell.value;
        }
      }
    });
    sites[site] = values;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, sites, columns: columns.filter((name): name is string => name !== undefined) };
}

/** Header cells → parameter names (index 0, the site column, stays undefined). */
function resolveColumns(headers: string[], rowNumber: number, parameters: readonly ParameterDeclaration[] | undefined, problems: SheetProblem[]): (string | undefined)[] {
  const byHeader = new Map<string, string>();
  for (const declaration of parameters ?? []) {
    byHeader.set(declaration.label.en.toLowerCase(), declaration.name);
    byHeader.set(declaration.label['zh-CN'], declaration.name);
  }
  for (const declaration of parameters ?? []) byHeader.set(declaration.name, declaration.name);
  const seen = new Map<string, number>();
  return headers.map((header, index) => {
    if (index === 0 || header.length === 0) return undefined;
    const place = columnName(index + 1, header);
    const name = parameters ? (byHeader.get(header) ?? byHeader.get(header.toLowerCase())) : /^[a-z][a-z0-9_]{0,62}$/.test(header) ? header : undefined;
    if (name === undefined) {
      problems.push({
        code: 'unknown-column',
        row: rowNumber,
        column: place,
        message: text(`第 ${rowNumber} 行 ${place} 列的表头“${header}”不是已知的参数名或中文名称`, `row ${rowNumber}, column ${place}: "${header}" is not a known parameter name or label`),
      });
      return undefined;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problems.push({
        code: 'duplicate-column',
        row: rowNumber,
        column: place,
        message: text(`第 ${rowNumber} 行 ${place} 列与 ${columnLetter(earlier + 1)} 列都是参数 ${name}`, `row ${rowNumber}, column ${place} and column ${columnLetter(earlier + 1)} both hold parameter ${name}`),
      });
      return undefined;
    }
    seen.set(name, index);
    return name;
  });
}
