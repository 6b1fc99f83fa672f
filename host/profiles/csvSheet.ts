import iconv from 'iconv-lite';
import { text } from '../../shared/profiles/problems';
import { rowsToSites, type SheetImport, type SheetImportOptions, type SheetRow } from './siteSheet';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Bytes of a CSV file → text. A BOM decides; otherwise strict UTF-8, and when that fails
 * GB18030 (a superset of GBK), which is what Excel on Chinese Windows writes for "CSV".
 */
export function decodeSheetText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly row: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/** Comma unless the first line clearly uses tabs or semicolons (some Excel locales). */
function detectDelimiter(source: string): string {
  const firstLine = source.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (delimiter: string) => firstLine.split(delimiter).length - 1;
  const commas = count(',');
  if (count('\t') > commas) return '\t';
  if (count(';') > commas) return ';';
  return ',';
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks; records
 * end with CRLF, LF or CR. Row numbers count records, as a spreadsheet shows them.
 */
export function parseCsv(source: string, delimiter = detectDelimiter(source)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (index < source.length) {
    const character = source[index] ?? '';
    if (character === '"' && field.length === 0) {
      const start = { row: records.length + 1, column: record.length + 1 };
      index += 1;
      for (;;) {
        if (index >= source.length) throw new CsvSyntaxError(start.row, start.column, 'a quoted field is not closed');
        const inner = source[index];
        if (inner === '"') {
          if (source[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        field += inner;
        index += 1;
      }
      const next = source[index];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError(start.row, start.column, 'text follows the closing quote of a field');
      }
      continue;
    }
    if (character === delimiter) {
      endField();
      index += 1;
    } else if (character === '\r' || character === '\n') {
      endRecord();
      index += character === '\r' && source[index + 1] === '\n' ? 2 : 1;
    } else if (character === '"') {
      throw new CsvSyntaxError(records.length + 1, record.length + 1, 'a quote inside an unquoted field (quote the whole field and double the quote)');
    } else {
      field += character;
      index += 1;
    }
  }
  if (field.length > 0 || record.length > 0) endRecord();
  return records;
}

/** A CSV site sheet (bytes as read from disk) → values per site. */
export function importCsvSheet(bytes: Uint8Array, options: SheetImportOptions = {}): SheetImport {
  const decoded = decodeSheetText(bytes);
  let records: string[][];
  try {
    records = parseCsv(decoded.text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return {
      ok: false,
      problems: [
        {
          code: 'csv-syntax',
          row: error.row,
          column: String(error.column),
          message: text(`CSV 第 ${error.row} 行第 ${error.column} 列格式错误：${csvMessageZh(error.message)}`, `CSV row ${error.row}, column ${error.column}: ${error.message}`),
        },
      ],
    };
  }
  const rows: SheetRow[] = records.map((cells, index) => ({ number: index + 1, cells: cells.map((value) => ({ value })) }));
  const result = rowsToSites(rows, options);
  return result.ok ? { ...result, encoding: decoded.encoding } : result;
}

function csvMessageZh(message: string): string {
  if (message.startsWith('a quoted field')) return '引号没有闭合';
  if (message.startsWith('text follows')) return '闭合引号后还有文字';
  return '未加引号的字段中出现了引号（请给整个字段加引号并把引号写两遍）';
}
