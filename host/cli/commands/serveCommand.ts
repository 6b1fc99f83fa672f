import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHost } from '../../compositionRoot';
import { startWebServer } from '../../web/webServer';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cliError';
import type { CliIo } from '../io';

export const RENDERER_DIST = fileURLToPath(new URL('../../../renderer/dist', import.meta.url));

/** Web mode: the full UI in a browser, on 127.0.0.1 with a per-run token. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string', default: '0' }, 'static-dir': { type: 'string' } }, strict: true });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}"`);
  const staticDir = values['static-dir'] ?? RENDERER_DIST;
  if (!existsSync(staticDir)) {
    io.err(`fieldkit: the UI is not built (${staticDir} is missing); run "npm run serve", which builds it first\n`);
    return EXIT_FAILURE;
  }
  const host = createHost({ carrier: 'web' });
  const server = await startWebServer({ api: host.service.api, events: host.events, staticDir, port, logger: host.logger });
  io.out(`FieldKit web mode: ${server.url}\n`);
  io.out('Open this address in a browser on this computer. Press Ctrl-C to stop.\n');
  await (io.untilInterrupted?.() ?? new Promise<void>(() => undefined));
  await server.close();
  await host.dispose();
  return EXIT_OK;
}
