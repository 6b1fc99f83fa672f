import { FieldKitError } from '../../../shared/contract';
import type { Disposable } from '../../../shared/lifecycle';
import type { Transport } from '../../transports/transport';
import { TransportEvents } from '../../transports/transportEvents';

/**
 * Test support only (imported by tests, never by product code): a `Transport` that plays a
 * device from a script. When the client has written exactly a step's `input`, the transport
 * replies with the step's `reply`, cut into chunks by the chosen `Chunking`, each chunk in its own
 * macrotask, as a real socket would deliver it.
 */
export interface ScriptStep {
  /** The exact bytes (or UTF-8 text) the client must write to trigger the reply. */
  input: string | Uint8Array;
  reply: string | Uint8Array;
  /** Close after the reply: `true` as the peer hanging up, an error as the line dropping. */
  close?: boolean | FieldKitError;
}

export type Chunking =
  | { kind: 'whole' }
  | { kind: 'fixed'; size: number }
  | { kind: 'random'; seed: number; maxSize: number };

export interface ScriptedTransportOptions {
  /** Sent as soon as `open()` resolves (banner, login prompt). */
  greeting?: string | Uint8Array;
  steps?: readonly ScriptStep[];
  chunking?: Chunking;
}

const encoder = new TextEncoder();

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

/** mulberry32: a small seeded PRNG, so a failing chunking can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts bytes into chunks the way `chunking` says; `random` must come from `seededRandom`. */
export function splitChunks(bytes: Uint8Array, chunking: Chunking, random: () => number): Uint8Array[] {
  if (chunking.kind === 'whole' || bytes.length === 0) return bytes.length === 0 ? [] : [bytes];
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const size = chunking.kind === 'fixed' ? chunking.size : 1 + Math.floor(random() * chunking.maxSize);
    chunks.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ScriptedTransport implements Transport {
  readonly kind = 'telnet' as const;
  readonly description = 'scripted device';
  /** Every write, in order, as the client made it. */
  readonly writes: Uint8Array[] = [];
  /** Client input that did not match the next step (hex of the bytes). Tests expect it empty. */
  readonly unexpected: string[] = [];
  private readonly steps: ScriptStep[];
  private readonly chunking: Chunking;
  private readonly random: () => number;
  private readonly events = new TransportEvents();
  private pendingInput: number[] = [];
  private deliveries: Promise<void> = Promise.resolve();
  private opened = false;
  private ended = false;

  constructor(private readonly options: ScriptedTransportOptions = {}) {
    this.steps = [...(options.steps ?? [])];
    this.chunking = options.chunking ?? { kind: 'whole' };
    this.random = seededRandom(this.chunking.kind === 'random' ? this.chunking.seed : 1);
  }

  get isOpen(): boolean {
    return this.opened;
  }

  /** Steps not yet triggered. */
  get remainingSteps(): number {
    return this.steps.length;
  }

  async open(): Promise<void> {
    this.opened = true;
    if (this.options.greeting !== undefined) void this.deliver(this.options.greeting);
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this.opened) throw new FieldKitError('ConnectionClosed', 'scripted device is closed');
    this.writes.push(Uint8Array.from(data));
    this.pendingInput.push(...data);
    this.matchInput();
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

  /** Sends bytes as the device, chunked; resolves when the last chunk was delivered. */
  deliver(data: string | Uint8Array): Promise<void> {
    const chunks = splitChunks(toBytes(data), this.chunking, this.random);
    this.deliveries = this.deliveries.then(async () => {
      for (const chunk of chunks) {
        await nextMacrotask();
        if (!this.opened) return;
        this.events.fireData(chunk);
      }
    });
    return this.deliveries;
  }

  /** The peer hangs up (no error) or the line drops (with an error), after pending deliveries. */
  hangUp(error?: FieldKitError): Promise<void> {
    this.deliveries = this.deliveries.then(() => this.end(error));
    return this.deliveries;
  }

  /** All bytes the client wrote, joined. */
  writtenBytes(): Uint8Array {
    const total = this.writes.reduce((sum, chunk) => sum + chunk.length, 0);
    const joined = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.writes) {
      joined.set(chunk, offset);
      offset += chunk.length;
    }
    return joined;
  }

  /** All bytes the client wrote, as UTF-8 text. */
  writtenText(): string {
    return new TextDecoder().decode(this.writtenBytes());
  }

  private matchInput(): void {
    for (;;) {
      const step = this.steps[0];
      if (!step) {
        if (this.pendingInput.length > 0) this.unexpected.push(toHex(this.pendingInput.splice(0)));
        return;
      }
      const expected = toBytes(step.input);
      const compared = Math.min(expected.length, this.pendingInput.length);
      for (let index = 0; index < compared; index++) {
        if (this.pendingInput[index] !== expected[index]) {
          this.unexpected.push(toHex(this.pendingInput.splice(0)));
          return;
        }
      }
      if (this.pendingInput.length < expected.length) return;
      this.pendingInput.splice(0, expected.length);
      this.steps.shift();
      void this.deliver(step.reply);
      if (step.close) void this.hangUp(step.close === true ? undefined : step.close);
    }
  }

  private end(error: FieldKitError | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.opened = false;
    this.events.fireClose(error);
  }
}

function toHex(bytes: readonly number[]): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
