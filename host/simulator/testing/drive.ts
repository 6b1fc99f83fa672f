import { SimulatorEngine, type EngineOptions } from '../engine';
import { personas } from '../personas';
import type { DialectId } from '../../../shared/contract';

/** A started engine for tests; what it prints is given with CR LF turned into LF. */
export interface Driven {
  engine: SimulatorEngine;
  /** Everything printed since the start. */
  transcript(): string;
  /** Types `text` and returns only what the device printed in answer. */
  type(text: string): string;
  /** Types each line followed by CR and returns what was printed for all of them. */
  lines(...lines: string[]): string;
}

export function drive(dialect: DialectId, options: Partial<Omit<EngineOptions, 'persona'>> = {}): Driven {
  const persona = personas[dialect];
  const device = options.device ?? persona.createDevice('R1');
  const engine = new SimulatorEngine({ ...options, persona, device });
  let all = engine.start().replace(/\r\n/g, '\n');
  const type = (text: string): string => {
    const printed = engine.receive(text).replace(/\r\n/g, '\n');
    all += printed;
    return printed;
  };
  return {
    engine,
    transcript: () => all,
    type,
    lines: (...lines) => lines.map((line) => type(`${line}\r`)).join(''),
  };
}

/**
 * The last line as a terminal shows it: the prompt the device is waiting at. Backspaces, VT100
 * cursor-left and CR erase what pagers printed, as on a screen.
 */
export function lastLine(text: string): string {
  let shown = '';
  const line = text.split('\n').at(-1) ?? '';
  for (const match of line.matchAll(/\x1b\[(\d+)D|[\b\r]|[^\b\r\x1b]+/g)) {
    if (match[0] === '\r') shown = '';
    else if (match[0] === '\b') shown = shown.slice(0, -1);
    else if (match[1] !== undefined) shown = shown.slice(0, Math.max(0, shown.length - Number(match[1])));
    else shown += match[0];
  }
  return shown;
}
