import { FieldKitError, type DialectId } from '../../../shared/contract';
import { getCompiledDialect } from '../../../shared/dialects';
import { createSecretMasker } from '../../../shared/secrets';
import type { SecretMasker } from '../../../shared/secrets/types';
import type { Disposable } from '../../../shared/lifecycle';
import { Channel } from '../../channel/channel';
import { DeviceSession } from '../../session';
import { SimulatorEngine } from '../../simulator/engine';
import { personas } from '../../simulator/personas';
import type { SimulatedDevice } from '../../simulator/types';
import type { Transport } from '../../transports/transport';
import { createSessionLine, type DeviceLine } from '../deviceLine';
import { TransportEvents } from '../../transports/transportEvents';

/**
 * Test support only: a `Transport` whose far end is a simulator engine in this process. Each
 * write is answered in a later macrotask, as a socket would. `pullAfterLines(n)` drops the line
 * (as a pulled cable) once `n` more line endings were written, before the device sees that line.
 */
export class SimulatedTransport implements Transport {
  readonly kind = 'telnet' as const;
  readonly description = 'simulated device';
  /** Every line the device received, in order. */
  readonly received: string[] = [];
  private readonly events = new TransportEvents();
  private opened = false;
  private typed = '';
  private linesUntilPull: number | null = null;

  constructor(private readonly engine: SimulatorEngine) {}

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<void> {
    this.opened = true;
    this.deliver(this.engine.start());
  }

  pullAfterLines(count: number): void {
    this.linesUntilPull = count;
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.opened) throw new FieldKitError('ConnectionClosed', 'the simulated line is closed');
    const text = new TextDecoder().decode(data);
    let accepted = '';
    for (const character of text) {
      if (character === '\n') {
        if (this.linesUntilPull === 0) {
          this.drop();
          break;
        }
        if (this.linesUntilPull !== null) this.linesUntilPull -= 1;
        this.received.push(this.typed);
        this.typed = '';
      } else {
        this.typed += character;
      }
      accepted += character;
    }
    if (accepted.length > 0) this.deliver(this.engine.receive(accepted));
  }

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    return this.events.onData(listener);
  }

  onClose(listener: (error: FieldKitError | undefined) => void): Disposable {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    this.end(undefined);
  }

  private drop(): void {
    setImmediate(() => this.end(new FieldKitError('ConnectionClosed', 'the cable was pulled')));
    this.opened = false;
  }

  private deliver(text: string): void {
    if (text.length === 0) return;
    const bytes = new TextEncoder().encode(text);
    setImmediate(() => {
      this.events.fireData(bytes);
    });
  }

  private end(error: FieldKitError | undefined): void {
    this.opened = false;
    this.events.fireClose(error);
  }
}

export interface SimulatedRig {
  line: DeviceLine;
  transport: SimulatedTransport;
  device: SimulatedDevice;
  masker: SecretMasker;
  dispose(): void;
}

/** Logs in to a simulated device (one shared `device` across rigs = one box, several connections). */
export async function openSimulatedLine(dialect: DialectId, device?: SimulatedDevice): Promise<SimulatedRig> {
  const persona = personas[dialect];
  const shared = device ?? persona.createDevice(persona.defaultHostname);
  const engine = new SimulatorEngine({ persona, device: shared });
  const transport = new SimulatedTransport(engine);
  const compiled = getCompiledDialect(dialect);
  const masker = createSecretMasker();
  const channel = new Channel(transport, { lineEnding: '\n', charset: 'utf-8', pagers: compiled.pagers, masker });
  await transport.open();
  const session = await DeviceSession.login(channel, compiled, {}, { loginTimeoutMs: 5_000, commandTimeoutMs: 5_000, promptSettleMs: 50, wakeUpMs: 200 });
  const line = createSessionLine(session, channel, { commandTimeoutMs: 5_000, mask: (text) => masker.mask(text) });
  return {
    line,
    transport,
    device: shared,
    masker,
    dispose: () => {
      channel.dispose();
      void transport.close();
    },
  };
}
