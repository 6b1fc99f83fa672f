import { parseArgs } from 'node:util';
import type { ApiClient, DeviceFacts } from '../../../shared/contract';
import { createHost } from '../../compositionRoot';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';
import { buildConnectRequest, connectionOptions, type ConnectionValues } from '../target';

/** Connect, do one thing, always disconnect. */
async function withSession<T>(values: ConnectionValues, io: CliIo, work: (client: ApiClient, sessionId: string, facts: DeviceFacts) => Promise<T>): Promise<T> {
  const request = await buildConnectRequest(values, io);
  const host = createHost({ carrier: 'in-process' });
  try {
    const { sessionId, facts } = await host.client.invoke('session.connect', request);
    try {
      return await work(host.client, sessionId, facts);
    } finally {
      await host.client.invoke('session.disconnect', { sessionId }).catch(() => undefined);
    }
  } finally {
    await host.dispose();
  }
}

/** The stable JSON shape of `facts --json` (documented in the README). */
export function factsJson(facts: DeviceFacts): Record<string, string | null> {
  return { hostname: facts.hostname, vendor: facts.vendor, model: facts.model, serial: facts.serial, version: facts.version, dialect: facts.dialect };
}

export function formatFacts(facts: DeviceFacts): string {
  const rows: [string, string | null][] = [
    ['hostname', facts.hostname],
    ['vendor', facts.vendor],
    ['model', facts.model],
    ['serial', facts.serial],
    ['version', facts.version],
    ['uptime', facts.uptime],
    ['dialect', facts.dialect],
  ];
  return rows.map(([name, value]) => `${name.padEnd(9)} ${value ?? '-'}`).join('\n') + '\n';
}

export async function factsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...connectionOptions, json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`facts takes no positional arguments (got "${positionals.join(' ')}")`);
  const facts = await withSession(values, io, async (_client, _sessionId, facts) => facts);
  io.out(values.json ? JSON.stringify(factsJson(facts)) + '\n' : formatFacts(facts));
  return EXIT_OK;
}

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...connectionOptions, json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError('say which command to run: fieldkit run --telnet HOST:PORT -- "show running-config"');
  let exitCode = EXIT_OK;
  await withSession(values, io, async (client, sessionId) => {
    const results = [];
    for (const command of positionals) {
      const result = await client.invoke('session.run', { sessionId, command });
      results.push(result);
      if (!values.json) io.out(result.output.endsWith('\n') || result.output.length === 0 ? result.output : result.output + '\n');
      if (result.failed) {
        io.err(`fieldkit: the device rejected "${command}": ${result.failureMessage ?? 'error'}\n`);
        exitCode = EXIT_FAILURE;
        break;
      }
    }
    if (values.json) io.out(JSON.stringify(results) + '\n');
  });
  return exitCode;
}
