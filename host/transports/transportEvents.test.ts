import { describe, expect, it } from 'vitest';
import { FieldKitError } from '../../shared/contract';
import { TransportEvents } from './transportEvents';

const chunk = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('TransportEvents', () => {
  it('delivers data to the listeners still registered', () => {
    const events = new TransportEvents();
    const first: string[] = [];
    const second: string[] = [];
    const registration = events.onData((data) => first.push(Buffer.from(data).toString('latin1')));
    events.onData((data) => second.push(Buffer.from(data).toString('latin1')));
    events.fireData(chunk('a'));
    registration.dispose();
    events.fireData(chunk('b'));
    expect(first).toEqual(['a']);
    expect(second).toEqual(['a', 'b']);
  });

  it('gives the close notice once, then drops every listener and ignores later ones', () => {
    const events = new TransportEvents();
    const closes: (FieldKitError | undefined)[] = [];
    const data: Uint8Array[] = [];
    events.onData((received) => data.push(received));
    events.onClose((error) => closes.push(error));
    const lost = new FieldKitError('ConnectionClosed', 'telnet 127.0.0.1:23: connection lost');
    events.fireClose(lost);
    events.fireClose(undefined);
    events.onClose((error) => closes.push(error));
    events.fireClose(undefined);
    events.fireData(chunk('late'));
    expect(closes).toEqual([lost]);
    expect(data).toEqual([]);
  });

  it('calls every listener when one throws, and lets the fault surface on its own', async () => {
    const events = new TransportEvents();
    const calls: string[] = [];
    const uncaught = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    events.onClose(() => {
      calls.push('first');
      throw new Error('listener fault');
    });
    events.onClose(() => calls.push('second'));
    expect(() => events.fireClose(undefined)).not.toThrow();
    expect(calls).toEqual(['first', 'second']);
    expect(await uncaught).toMatchObject({ message: 'listener fault' });
  });
});
