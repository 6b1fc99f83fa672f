import { ApplyOptions, type ApplyReport } from '../../shared/contract';
import { getCompiledDialect } from '../../shared/dialects';
import { createSecretMasker } from '../../shared/secrets';
import { Channel } from '../../host/channel/channel';
import { applyProvision, createSessionLine, type ProvisionContext } from '../../host/provision';
import { DeviceSession, type LoginCredentials } from '../../host/session';
import type { MeteredTransport } from './meteredTransport';

export interface ApplyFigures {
  report: ApplyReport;
  /** From the write carrying the first line to the prompt acknowledging the last one. */
  linesSeconds: number;
  /** The whole applyProvision call: backup read, plan, configure terminal, lines, end. */
  totalSeconds: number;
  /** Bytes the device sent back during `linesSeconds` (echo, line ending, prompt per line). */
  bytesBack: number;
  /** Host time per line: from the last byte of a prompt to the write of the next line (ms, mean). */
  hostMsPerLine: number;
}

export interface BenchLine {
  apply(name: string, lines: readonly string[]): Promise<ApplyFigures>;
  /** Writes all lines at once in configuration mode and resolves the seconds until the last prompt. */
  rawPipe(lines: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

const dialect = getCompiledDialect('ios');
const noSave = ApplyOptions.parse({ save: false });
const CONFIG_PROMPT = /\(config\)# /g;

/** Sum of the gaps between the last byte received and the next write, for writes in (from, to]. */
function hostTime(transport: MeteredTransport, from: number, to: number): number {
  let total = 0;
  let previousWrite = from;
  for (const write of transport.written) {
    if (write.at <= from || write.at > to) continue;
    const lastIn = transport.received.findLast((event) => event.at <= write.at);
    // A line cut into several writes counts once: only a write that follows a received chunk.
    if (lastIn && lastIn.at > previousWrite) total += write.at - lastIn.at;
    previousWrite = write.at;
  }
  return total;
}

/**
 * A logged-in line built as the host service builds one (same channel options, the serial write
 * limit included), with the provisioning context around it.
 */
export async function openBenchLine(transport: MeteredTransport, credentials: LoginCredentials, runsDir: string | null): Promise<BenchLine> {
  const masker = createSecretMasker();
  const lineEnding = dialect.definition.lineEnding ?? '\n';
  const channel = new Channel(transport, { lineEnding, charset: 'utf-8', pagers: dialect.pagers, masker, maxWriteChunk: transport.kind === 'serial' ? 64 : 200 });
  const close = async (): Promise<void> => {
    channel.dispose();
    await transport.close().catch(() => undefined);
  };
  let session: DeviceSession;
  try {
    await transport.open();
    session = await DeviceSession.login(channel, dialect, credentials, { loginTimeoutMs: 20_000, commandTimeoutMs: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }
  const acknowledgedAt: number[] = [];
  const context: ProvisionContext = {
    line: createSessionLine(session, channel, { commandTimeoutMs: 60_000, mask: (text) => masker.mask(text) }),
    sessionId: 'bench',
    target: transport.description,
    runsDir,
    mask: (text) => masker.mask(text),
    lookup: () => undefined,
    progress: () => acknowledgedAt.push(performance.now()),
  };

  return {
    async apply(name, lines) {
      acknowledgedAt.length = 0;
      const started = performance.now();
      const report = await applyProvision(context, { kind: 'config', name, lines: [...lines] }, noSave);
      const totalSeconds = (performance.now() - started) / 1000;
      const first = transport.written.find((event) => event.at >= started && event.text.startsWith(lines[0] ?? ''));
      const last = acknowledgedAt.at(-1);
      if (!first || last === undefined) return { report, linesSeconds: 0, totalSeconds, bytesBack: 0, hostMsPerLine: 0 };
      return {
        report,
        linesSeconds: (last - first.at) / 1000,
        totalSeconds,
        bytesBack: transport.receivedBetween(first.at, last),
        hostMsPerLine: hostTime(transport, first.at, last) / Math.max(1, lines.length - 1),
      };
    },

    async rawPipe(lines) {
      await session.enterMode('config');
      channel.discardBuffered();
      let text = '';
      const seconds = await new Promise<number>((resolve, reject) => {
        let started = 0;
        const timer = setTimeout(() => reject(new Error(`raw pipe: fewer than ${lines.length} prompts within 60 s`)), 60_000);
        const listener = channel.onText((chunk) => {
          text += chunk;
          if ((text.match(CONFIG_PROMPT) ?? []).length < lines.length) return;
          clearTimeout(timer);
          listener.dispose();
          resolve((performance.now() - started) / 1000);
        });
        started = performance.now();
        transport.write(Buffer.from(lines.map((line) => line + lineEnding).join(''), 'utf8')).catch(reject);
      });
      return seconds;
    },

    close,
  };
}
