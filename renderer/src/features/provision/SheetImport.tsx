import { Alert, Button, Select, Space, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SHEET_BYTES, type DialectId, type SheetProblemView } from '../../../../shared/contract';
import { useLanguage } from '../../store';
import { importSheet } from './actions';
import { sheetRowValues, type ParameterField, type ParameterValues } from './provisionSource';

/** Rows of the imported sheet, secrets included: component state only, gone with the wizard. */
interface LoadedSheet {
  file: string;
  sites: Record<string, Record<string, string>>;
}

interface SheetImportProps {
  fields: readonly ParameterField[];
  dialect: DialectId | undefined;
  onFill: (values: ParameterValues) => void;
}

/**
 * A county IP plan picked with the browser's file dialog: the content goes to the host to be
 * read (CSV in any of its encodings, or .xlsx), the chosen site's row fills the form.
 */
export function SheetImport({ fields, dialect, onFill }: SheetImportProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [sheet, setSheet] = useState<LoadedSheet | null>(null);
  const [problems, setProblems] = useState<{ file: string; problems: SheetProblemView[] } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [site, setSite] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const pick = (name: string, loaded: LoadedSheet) => {
    const row = loaded.sites[name];
    if (!row) return;
    setSite(name);
    onFill(sheetRowValues(row, fields).values);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblems(null);
    setTooLarge(file.size > MAX_SHEET_BYTES);
    if (file.size > MAX_SHEET_BYTES) return;
    setReading(true);
    const result = await importSheet(file);
    setReading(false);
    if (!result) return;
    if (!result.ok) {
      setSheet(null);
      setProblems({ file: file.name, problems: result.problems });
      return;
    }
    const loaded = { file: file.name, sites: result.sites };
    setSheet(loaded);
    setSite(null);
    const names = Object.keys(result.sites);
    if (names.length === 1 && names[0] !== undefined) pick(names[0], loaded);
  };

  const row = sheet && site ? sheet.sites[site] : undefined;
  const filled = row ? sheetRowValues(row, fields) : null;
  const rowDialect = row?.dialect;

  return (
    <div className="provision-sheet" data-testid="sheet-import">
      <Space wrap>
        <input ref={input} type="file" accept=".csv,.xlsx" hidden onChange={(event) => void onFile(event)} data-testid="input-sheet-file" />
        <Button onClick={() => input.current?.click()} loading={reading} data-testid="button-import-sheet">
          {t('provision.parameters.importSheet')}
        </Button>
        {sheet ? (
          <>
            <Typography.Text type="secondary" data-testid="sheet-loaded">
              {t('provision.parameters.sheetLoaded', { file: sheet.file, count: Object.keys(sheet.sites).length })}
            </Typography.Text>
            <Select
              showSearch
              className="provision-site-select"
              placeholder={t('provision.parameters.sitePlaceholder')}
              aria-label={t('provision.parameters.site')}
              value={site}
              onChange={(name: string) => pick(name, sheet)}
              options={Object.entries(sheet.sites).map(([name, values]) => ({ value: name, label: values.dialect ? `${name} (${values.dialect})` : name }))}
              data-testid="select-site"
            />
          </>
        ) : null}
      </Space>
      {filled && site ? (
        <Alert
          className="provision-alert"
          type={rowDialect && dialect && rowDialect !== dialect ? 'warning' : 'success'}
          showIcon
          title={t('provision.parameters.siteFilled', { site, count: Object.keys(filled.values).length })}
          description={
            [
              rowDialect && dialect && rowDialect !== dialect ? t('provision.parameters.siteDialect', { dialect: rowDialect, current: dialect }) : null,
              filled.unused.length > 0 ? t('provision.parameters.unusedColumns', { columns: filled.unused.join(', ') }) : null,
            ]
              .filter((line) => line !== null)
              .join(' ') || undefined
          }
          data-testid="sheet-site-filled"
        />
      ) : null}
      {tooLarge ? (
        <Alert className="provision-alert" type="error" showIcon title={t('provision.parameters.sheetTooLarge', { size: MAX_SHEET_BYTES / 1024 })} />
      ) : null}
      {problems ? (
        <Alert
          className="provision-alert"
          type="error"
          showIcon
          title={t('provision.parameters.sheetProblems', { file: problems.file })}
          description={
            <ul className="provision-sheet-problems">
              {problems.problems.slice(0, 10).map((problem, index) => (
                <li key={index}>{problem.message[language]}</li>
              ))}
            </ul>
          }
          data-testid="sheet-problems"
        />
      ) : null}
    </div>
  );
}
