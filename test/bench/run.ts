import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../host/channel/testing/scriptedTransport';
import type { LoginCredentials } from '../../host/session';
import { createSerialTransport } from '../../host/transports/serial';
import { createTelnetTransport } from '../../host/transports/telnet';
import { startConsole } from '../peers/console';
import { startFrr, type FrrPeer } from '../peers/frr';
import { openBenchLine, type ApplyFigures, type BenchLine } from './benchLine';
import { BAD_LINE, benchLines, benchLinesIn, cleanupCommands, compareLines } from './benchLines';
import { best, median, printTable, type BenchRow } from './benchTable';
import { meter } from './meteredTransport';
import { startNoDelayTelnet } from './noDelayTelnet';

// `npm run bench`: applies a 300-line profile to a real FRR (vtysh) over a pseudo serial console
// paced like 9600 8N1 and over Telnet (telnetd + login), and prints speed as a ratio to the
// floor: on serial the bytes the device sends back at 960 bytes a second, on Telnet a raw pipe
// of the same lines. It also checks that nothing was lost and that an error is caught at its line.
// Each measurement is repeated (the machine is shared; best and median are shown).
// BENCH_LINES, BENCH_SEED, BENCH_SERIAL_RUNS (default 2) and BENCH_TELNET_RUNS (3) change it.

const LINE_COUNT = Number(process.env.BENCH_LINES ?? 300);
const SEED = Number(process.env.BENCH_SEED ?? 9600);
const SERIAL_RUNS = Number(process.env.BENCH_SERIAL_RUNS ?? 2);
const TELNET_RUNS = Number(process.env.BENCH_TELNET_RUNS ?? 3);
const BYTES_PER_SECOND = 960;

const canary = (): string => `cnry-${randomBytes(6).toString('hex')}`;
const NONE_LOST = '0 (all present, none extra)';

async function verifyApplied(peer: FrrPeer, expected: readonly string[]): Promise<string> {
  const found = benchLinesIn(await peer.vtysh('show running-config'));
  const { missing, extra } = compareLines(expected, found);
  if (missing.length === 0 && extra.length === 0 && found.length === expected.length) return NONE_LOST;
  return `LOST: ${missing.length} missing, ${extra.length} extra: ${[...missing, ...extra].slice(0, 3).join(' | ')}`;
}

async function cleanUp(peer: FrrPeer, lines: readonly string[]): Promise<void> {
  await peer.vtysh(cleanupCommands(lines));
  const left = benchLinesIn(await peer.vtysh('show running-config'));
  if (left.length > 0) throw new Error(`clean-up left ${left.length} bench lines, e.g. ${left[0] ?? ''}`);
}

/** The worst verdict of several runs: the first that lost something, else none lost. */
const worst = (verdicts: readonly string[]): string => verdicts.find((verdict) => verdict !== NONE_LOST) ?? NONE_LOST;

/** Applies the lines `runs` times through the engine, checking and cleaning up after each. */
async function applyRepeated(peer: FrrPeer, line: BenchLine, lines: readonly string[], runs: number): Promise<{ figures: ApplyFigures[]; lost: string }> {
  const figures: ApplyFigures[] = [];
  const verdicts: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    const measured = await line.apply('bench.txt', lines);
    const { report } = measured;
    if (report.failedLine || report.interrupted || report.acknowledged !== lines.length) {
      throw new Error(`the apply did not complete: ${JSON.stringify({ failedLine: report.failedLine, interrupted: report.interrupted, acknowledged: report.acknowledged })}`);
    }
    figures.push(measured);
    verdicts.push(await verifyApplied(peer, lines));
    await cleanUp(peer, lines);
  }
  return { figures, lost: worst(verdicts) };
}

/** Applies `lines` with BAD_LINE inserted at a random position and checks where the run stopped. */
async function errorRun(peer: FrrPeer, line: BenchLine, lines: readonly string[], random: () => number): Promise<string> {
  const position = Math.floor(random() * lines.length);
  const withError = [...lines.slice(0, position), BAD_LINE, ...lines.slice(position)];
  const { report } = await line.apply('bench-error.txt', withError);
  const applied = benchLinesIn(await peer.vtysh('show running-config'));
  const { missing, extra } = compareLines(lines.slice(0, position), applied);
  await cleanUp(peer, lines);
  const caught =
    report.failedLine?.number === position + 1 &&
    report.failedLine.text === BAD_LINE &&
    /^% Unknown command/.test(report.failedLine.message) &&
    report.acknowledged === position &&
    missing.length === 0 &&
    extra.length === 0;
  const where = `line ${position + 1}`;
  return caught ? `caught at ${where}` : `NOT caught at ${where}: failed ${JSON.stringify(report.failedLine)}, acknowledged ${report.acknowledged}, ${missing.length} missing, ${extra.length} extra`;
}

const meanHostMs = (figures: readonly ApplyFigures[]): number => figures.reduce((sum, measured) => sum + measured.hostMsPerLine, 0) / figures.length;

async function serialRows(peer: FrrPeer, runsDir: string, lines: readonly string[], random: () => number): Promise<BenchRow[]> {
  console.log(`serial: a pseudo console paced at ${BYTES_PER_SECOND} bytes a second each way (9600 8N1), ${SERIAL_RUNS} runs and an error run...`);
  const paced = await startConsole(peer, { paceBytesPerSecond: BYTES_PER_SECOND });
  const serial = await openBenchLine(meter(createSerialTransport({ path: paced.path, baudRate: 9600 })), {}, runsDir).catch(async (error: unknown) => {
    await paced.stop();
    throw error;
  });
  try {
    const { figures, lost } = await applyRepeated(peer, serial, lines, SERIAL_RUNS);
    const error = await errorRun(peer, serial, lines, random);
    const bytesBack = Math.max(...figures.map((measured) => measured.bytesBack));
    const floorSeconds = bytesBack / BYTES_PER_SECOND;
    const extraMs = ((median(figures.map((measured) => measured.linesSeconds)) - floorSeconds) * 1000) / lines.length;
    console.log(`serial: above the floor by ${extraMs.toFixed(2)} ms a line (median), of which host ${meanHostMs(figures).toFixed(2)} ms; the rest is the device's own work and the relay`);
    return [{ run: 'serial 9600 (engine)', lines: lines.length, seconds: figures.map((measured) => measured.linesSeconds), floorSeconds, floorName: 'bytes back / 960', bytesBack, hostMs: meanHostMs(figures), lost, error }];
  } finally {
    await serial.close();
    await paced.stop();
  }
}

/** Raw pipes, then the engine (and an error run when `random` is given), over one telnetd listener. */
async function telnetRows(peer: FrrPeer, login: LoginCredentials, runsDir: string, lines: readonly string[], peerName: string, port: number, random: (() => number) | null): Promise<BenchRow[]> {
  console.log(`telnet, peer socket ${peerName}: ${TELNET_RUNS} raw pipes, ${TELNET_RUNS} engine runs...`);
  const open = (): Promise<BenchLine> => openBenchLine(meter(createTelnetTransport({ host: '127.0.0.1', port, connectTimeoutMs: 10_000 })), login, runsDir);
  const rawSeconds: number[] = [];
  const rawVerdicts: string[] = [];
  for (let run = 0; run < TELNET_RUNS; run += 1) {
    const raw = await open();
    try {
      rawSeconds.push(await raw.rawPipe(lines));
      rawVerdicts.push(await verifyApplied(peer, lines));
    } finally {
      await raw.close();
    }
    await cleanUp(peer, lines);
  }
  const engine = await open();
  try {
    const { figures, lost } = await applyRepeated(peer, engine, lines, TELNET_RUNS);
    const error = random === null ? '-' : await errorRun(peer, engine, lines, random);
    const seconds = figures.map((measured) => measured.linesSeconds);
    return [
      { run: `telnet, ${peerName} (engine)`, lines: lines.length, seconds, floorSeconds: best(rawSeconds), floorName: 'best raw pipe', bytesBack: figures[0]?.bytesBack ?? null, hostMs: meanHostMs(figures), lost, error },
      { run: `telnet, ${peerName} (raw pipe)`, lines: lines.length, seconds: rawSeconds, floorSeconds: null, floorName: 'no error attribution', bytesBack: null, hostMs: null, lost: worst(rawVerdicts), error: '-' },
    ];
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const lines = benchLines(LINE_COUNT, SEED);
  const random = seededRandom(SEED + 1);
  const login = { username: 'admin', password: canary() };
  const runsDir = mkdtempSync(join(tmpdir(), 'fieldkit-bench-'));
  const started = performance.now();
  console.log(`FieldKit apply benchmark: ${LINE_COUNT} FRR lines (seed ${SEED}); starting FRR...`);
  const peer = await startFrr({ hostname: 'r1', vtyPassword: canary(), enablePassword: canary(), login });
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await serialRows(peer, runsDir, lines, random)));
    rows.push(...(await telnetRows(peer, login, runsDir, lines, 'Nagle on', peer.telnetdPort ?? 0, null)));
    rows.push(...(await telnetRows(peer, login, runsDir, lines, 'Nagle off', await startNoDelayTelnet(peer), random)));
  } finally {
    await peer.stop();
    rmSync(runsDir, { recursive: true, force: true });
  }
  printTable(rows);
  console.log(
    [
      '',
      'seconds: from the write of the first line to the prompt acknowledging the last (the engine), or from the',
      'one write of all lines to the last prompt (raw pipe). host ms/line: from the last byte of a prompt to the',
      'write of the next line (session, journal, progress). Serial floor: the bytes the device sent back (echo,',
      'CR LF, prompt) at 960 bytes a second. Nagle on/off: the peer\'s telnetd socket (socat default / nodelay).',
      `bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
