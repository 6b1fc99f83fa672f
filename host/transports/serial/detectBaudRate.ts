import { FieldKitError } from '../../../shared/contract';
import { cancelledError } from '../errors';
import { confidentReadability, minimumReadability, scoreReadability } from './readability';
import type { SerialLineSettings, SerialOpener } from './serialDevice';
import { createSerialTransport, type SerialTransport } from './serialTransport';

/** Most consoles run at 9600; then the speeds vendors ship or technicians set, most common first. */
export const defaultBaudCandidates: readonly number[] = [9600, 115_200, 38_400, 19_200, 57_600, 4800, 2400];
/** Long enough for a 9600-baud console to answer a CR with a banner and a prompt. */
export const defaultTimeoutPerRateMs = 1500;
/** An answer that ends like a prompt and then stays quiet this long is complete. */
const quietAfterPromptMs = 200;

export interface BaudRateDetectionOptions {
  /** Speeds to try, in order of preference; ties go to the earlier one. */
  candidates?: readonly number[];
  /** How long to collect the answer to the wake-up CR at each speed, in milliseconds. */
  timeoutPerRateMs?: number;
  /** Bytes that make a console answer. Default one CR (a console prints its prompt again). */
  wakeUp?: Uint8Array;
  signal?: AbortSignal;
  /** Seams for tests, as in the serial transport's options. */
  opener?: SerialOpener;
  portPresent?: (path: string) => Promise<boolean>;
}

export interface BaudRateTrial {
  baudRate: number;
  /** {@link scoreReadability} of the answer. */
  score: number;
  /** Bytes received. The text itself is not kept: it is console output nobody asked to record. */
  bytes: number;
}

export interface BaudRateDetection {
  baudRate: number;
  score: number;
  /** Every speed tried, in order. */
  trials: BaudRateTrial[];
}

/**
 * Finds a console's speed: opens the port once, and at each candidate speed sends a wake-up CR
 * and scores how readable the answer is. It stops at the first clean answer with a prompt, and
 * otherwise picks the best answer. The port is switched with `update()` rather than reopened,
 * which keeps DTR steady and avoids reopen delays after USB re-enumeration (Windows). The port
 * is closed before it returns. Rejects with `PromptNotFound` when no speed gives readable text,
 * or with the transport's errors (`PortBusy`, `PermissionDenied`, `ConnectionClosed`...).
 *
 * On a pseudo-terminal every speed reads the same, so the first candidate wins.
 */
export async function detectBaudRate(
  path: string,
  line: Partial<Omit<SerialLineSettings, 'path' | 'baudRate'>> = {},
  options: BaudRateDetectionOptions = {},
): Promise<BaudRateDetection> {
  const candidates = options.candidates ?? defaultBaudCandidates;
  const first = candidates[0];
  if (first === undefined) throw new FieldKitError('InvalidRequest', `serial ${path}: no speeds to try`);
  const timeoutPerRateMs = options.timeoutPerRateMs ?? defaultTimeoutPerRateMs;
  const wakeUp = options.wakeUp ?? Uint8Array.from([0x0d]);
  const transport = createSerialTransport({ path, baudRate: first, ...line, opener: options.opener, portPresent: options.portPresent });
  await transport.open(options.signal);
  const trials: BaudRateTrial[] = [];
  try {
    for (const [index, baudRate] of candidates.entries()) {
      if (index > 0) await transport.update({ baudRate });
      const answer = await collectAnswer(transport, wakeUp, timeoutPerRateMs, options.signal);
      const score = scoreReadability(answer);
      trials.push({ baudRate, score, bytes: answer.length });
      if (score >= confidentReadability) break;
    }
  } finally {
    await transport.close();
  }
  const best = trials.reduce((winner, trial) => (trial.score > winner.score ? trial : winner));
  if (best.score < minimumReadability) {
    const tried = trials.map((trial) => trial.baudRate).join(', ');
    throw new FieldKitError(
      'PromptNotFound',
      `serial ${path}: no readable answer at any speed (tried ${tried}): is the cable in the console port and the device powered on? Some consoles need a different cable (rollover) or flow control.`,
      { trials },
    );
  }
  return { baudRate: best.baudRate, score: best.score, trials };
}

/**
 * Sends the wake-up bytes and gathers what comes back for at most `limitMs`, or until the
 * answer reads cleanly, ends like a prompt and has been quiet for a moment.
 */
function collectAnswer(transport: SerialTransport, wakeUp: Uint8Array, limitMs: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    const answer = (): Uint8Array => Uint8Array.from(Buffer.concat(chunks));
    let quietTimer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (outcome: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(limitTimer);
      clearTimeout(quietTimer);
      data.dispose();
      closed.dispose();
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => finish(() => reject(cancelledError(transport.description)));
    const data = transport.onData((chunk) => {
      chunks.push(Uint8Array.from(chunk));
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => {
        const received = answer();
        if (scoreReadability(received) >= confidentReadability) finish(() => resolve(received));
      }, quietAfterPromptMs);
    });
    const closed = transport.onClose((error) => finish(() => reject(error ?? new FieldKitError('ConnectionClosed', `${transport.description}: the port closed while detecting its speed`))));
    const limitTimer = setTimeout(() => finish(() => resolve(answer())), limitMs);
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    transport.write(wakeUp).catch((error: unknown) => finish(() => reject(error)));
  });
}
