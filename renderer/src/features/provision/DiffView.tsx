import { parseDiff } from './diffLines';

const markers = { add: '+', remove: '−', context: ' ' } as const;

/** The plan's diff: additions green, removals red, lines already there grey. Secrets arrive masked. */
export function DiffView({ diff }: { diff: string }) {
  return (
    <pre className="provision-diff" data-testid="plan-diff">
      {parseDiff(diff).map((line, index) => (
        <div key={index} className={`provision-diff-${line.kind}`} data-kind={line.kind}>
          <span className="provision-diff-marker">{markers[line.kind]}</span>
          {line.text}
        </div>
      ))}
    </pre>
  );
}
