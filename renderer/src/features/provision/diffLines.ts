export type DiffLineKind = 'add' | 'remove' | 'context';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line without its two-character marker, indentation kept. */
  text: string;
}

/** `renderDiff` text (`+ `, `- `, two spaces) → lines to colour. An empty diff has no lines. */
export function parseDiff(diff: string): DiffLine[] {
  if (diff === '') return [];
  return diff.split('\n').map((line) => {
    const marker = line.slice(0, 2);
    const text = line.slice(2);
    if (marker === '+ ') return { kind: 'add', text };
    if (marker === '- ') return { kind: 'remove', text };
    return { kind: 'context', text };
  });
}
