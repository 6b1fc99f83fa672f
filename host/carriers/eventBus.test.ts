import { describe, expect, it } from 'vitest';
import { EventBus } from './eventBus';

describe('EventBus', () => {
  it('delivers to every subscriber until disposed', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const first = bus.onAny((event) => seen.push(`a:${event}`));
    bus.onAny((event) => seen.push(`b:${event}`));
    bus.emit('session.state', { sessionId: 's', state: 'ready' });
    first.dispose();
    bus.emit('session.state', { sessionId: 's', state: 'closed' });
    expect(seen).toEqual(['a:session.state', 'b:session.state', 'b:session.state']);
    expect(bus.listenerCount).toBe(1);
  });

  it('keeps delivering when one subscriber throws', () => {
    const bus = new EventBus();
    let delivered = 0;
    bus.onAny(() => {
      throw new Error('closed socket');
    });
    bus.onAny(() => delivered++);
    bus.emit('terminal.output', { sessionId: 's', seq: 1, data: 'x' });
    expect(delivered).toBe(1);
  });

  it('refuses a payload that breaks the contract', () => {
    const bus = new EventBus();
    expect(() => bus.emit('terminal.output', { sessionId: 's', seq: -1, data: 'x' })).toThrow();
  });
});
