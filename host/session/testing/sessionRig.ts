import type { DialectId } from '../../../shared/contract';
import { getCompiledDialect, type CompiledDialect } from '../../../shared/dialects';
import { createSecretMasker } from '../../../shared/secrets';
import { Channel } from '../../channel/channel';
import type { PagerRule } from '../../channel/types';
import { ScriptedTransport, type Chunking, type ScriptStep } from '../../channel/testing/scriptedTransport';

/**
 * Test support only: a real `Channel` over a `ScriptedTransport` playing a device, for session
 * tests. Inputs in steps are written with `\n` line endings (what the session sends).
 */
export interface SessionRig {
  transport: ScriptedTransport;
  channel: Channel;
  dialect: CompiledDialect;
  /** Text the channel published (what a live terminal would show), masked. */
  shown: () => string;
  dispose: () => void;
}

export interface RigOptions {
  dialect?: DialectId;
  greeting?: string;
  steps: readonly ScriptStep[];
  chunking?: Chunking;
  /** Pagers the channel answers; default the dialect's. */
  pagers?: readonly PagerRule[];
}

export async function openRig(options: RigOptions): Promise<SessionRig> {
  const dialect = getCompiledDialect(options.dialect ?? 'ios');
  const transport = new ScriptedTransport({ greeting: options.greeting, steps: options.steps, chunking: options.chunking });
  const channel = new Channel(transport, { lineEnding: '\n', charset: 'utf-8', pagers: options.pagers ?? dialect.pagers, masker: createSecretMasker() });
  let shown = '';
  const listener = channel.onText((text) => {
    shown += text;
  });
  await transport.open();
  return {
    transport,
    channel,
    dialect,
    shown: () => shown,
    dispose: () => {
      listener.dispose();
      channel.dispose();
      void transport.close();
    },
  };
}

/** A command step: the device echoes the line, prints `output` lines, then `prompt`. */
export function reply(command: string, output: readonly string[], prompt: string): ScriptStep {
  const body = output.map((line) => `${line}\r\n`).join('');
  return { input: `${command}\n`, reply: `${command}\r\n${body}${prompt}` };
}

/**
 * FRR's answers to the session's paging-off commands: vtysh takes `terminal length 0` and does not
 * know `terminal width` (PEERS.md, "What FRR's CLI does").
 */
export function frrPagingOff(prompt: string): ScriptStep[] {
  return [reply('terminal length 0', [], prompt), reply('terminal width 511', ['% Unknown command: terminal width 511'], prompt)];
}
