import { parseArgs } from 'node:util';
import type { SerialPortInfo } from '../../../shared/contract';
import { listSerialPorts } from '../../transports/serial';
import { EXIT_OK } from '../cliError';
import type { CliIo } from '../io';

/** `fieldkit ports [--json]`: the serial ports a console cable may be on. */
export async function portsCommand(argv: string[], io: CliIo, list: () => Promise<SerialPortInfo[]> = listSerialPorts): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, strict: true });
  const ports = await list();
  if (values.json) {
    io.out(JSON.stringify(ports) + '\n');
    return EXIT_OK;
  }
  if (ports.length === 0) {
    io.out('No serial ports found. Plug in the USB console cable; pseudo-terminals are never listed, give their path with --serial.\n');
    return EXIT_OK;
  }
  for (const port of ports) {
    const adapter = port.adapter.label ?? port.manufacturer ?? '';
    const ids = port.vendorId && port.productId ? ` [${port.vendorId}:${port.productId}]` : '';
    io.out(`${port.path.padEnd(16)} ${adapter}${ids}\n`);
  }
  return EXIT_OK;
}
