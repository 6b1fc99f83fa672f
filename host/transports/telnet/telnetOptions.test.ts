import { describe, expect, it } from 'vitest';
import { OptionNegotiator, TelnetOption, maxAnswersPerOption, optionName, type OptionSide, type TelnetVerb } from './telnetOptions';

function negotiator(accepted: { local?: number[]; remote?: number[] } = {}, maxAnswers?: number) {
  const sent: string[] = [];
  const changes: string[] = [];
  const log: string[] = [];
  const machine = new OptionNegotiator(
    {
      accepts: (side: OptionSide, option: number) => (side === 'local' ? (accepted.local ?? []) : (accepted.remote ?? [])).includes(option),
      send: (verb: TelnetVerb, option: number) => sent.push(`${verb} ${optionName(option)}`),
      changed: (side, option, enabled) => changes.push(`${side} ${optionName(option)} ${enabled ? 'on' : 'off'}`),
      log: (line) => log.push(line),
    },
    maxAnswers,
  );
  return { machine, sent, changes, log };
}

const { echo, suppressGoAhead: sga, windowSize: naws, authentication } = TelnetOption;

describe('OptionNegotiator, answering the peer', () => {
  it('accepts an offered option with DO and a requested one with WILL, once', () => {
    const { machine, sent, changes } = negotiator({ local: [naws], remote: [echo] });
    machine.receive('WILL', echo);
    machine.receive('DO', naws);
    machine.receive('WILL', echo);
    machine.receive('DO', naws);
    expect(sent).toEqual(['DO ECHO', 'WILL NAWS']);
    expect(changes).toEqual(['remote ECHO on', 'local NAWS on']);
    expect(machine.isEnabled('remote', echo)).toBe(true);
    expect(machine.isEnabled('local', echo)).toBe(false);
  });

  it('refuses an unsupported option with DONT/WONT, and never answers the same refusal twice', () => {
    const { machine, sent, log } = negotiator();
    machine.receive('WILL', authentication);
    machine.receive('WILL', authentication);
    machine.receive('DO', echo);
    machine.receive('DO', echo);
    expect(sent).toEqual(['DONT AUTHENTICATION', 'WONT ECHO']);
    expect(log).toContain('RCVD WILL AUTHENTICATION (already refused, not answered again)');
  });

  it('ignores WONT/DONT for an option that is already off (no answer, so no loop)', () => {
    const { machine, sent } = negotiator({ local: [naws] });
    machine.receive('DONT', TelnetOption.lineMode);
    machine.receive('WONT', echo);
    expect(sent).toEqual([]);
  });

  it('acknowledges a peer that turns an enabled option off, and accepts it again later', () => {
    const { machine, sent, changes } = negotiator({ remote: [echo] });
    machine.receive('WILL', echo);
    machine.receive('WONT', echo);
    machine.receive('WILL', echo);
    expect(sent).toEqual(['DO ECHO', 'DONT ECHO', 'DO ECHO']);
    expect(changes).toEqual(['remote ECHO on', 'remote ECHO off', 'remote ECHO on']);
  });

  it('stops answering an option the peer toggles endlessly, and keeps answering the others', () => {
    const { machine, sent, log } = negotiator({ remote: [echo, sga] });
    for (let round = 0; round < 1000; round += 1) {
      machine.receive('WILL', echo);
      machine.receive('WONT', echo);
    }
    machine.receive('WILL', sga);
    expect(sent.filter((line) => line.endsWith('ECHO'))).toHaveLength(maxAnswersPerOption);
    expect(sent.at(-1)).toBe('DO SGA');
    expect(log).toContain('RCVD WILL ECHO (ignored: negotiated too often)');
  });

  it('spends subnegotiation answers from the same budget', () => {
    const { machine } = negotiator({ local: [TelnetOption.terminalType] }, 3);
    machine.receive('DO', TelnetOption.terminalType);
    expect([machine.spendAnswer('local', 24), machine.spendAnswer('local', 24), machine.spendAnswer('local', 24)]).toEqual([true, true, false]);
  });
});

describe('OptionNegotiator, our own requests (RFC 1143 Q method)', () => {
  it('enables on the positive answer without answering it back', () => {
    const { machine, sent, changes } = negotiator();
    machine.request('remote', sga, true);
    machine.receive('WILL', sga);
    expect(sent).toEqual(['DO SGA']);
    expect(changes).toEqual(['remote SGA on']);
  });

  it('takes a refusal of our request silently', () => {
    const { machine, sent } = negotiator();
    machine.request('local', naws, true);
    machine.receive('DONT', naws);
    machine.receive('DONT', naws);
    expect(sent).toEqual(['WILL NAWS']);
    expect(machine.isEnabled('local', naws)).toBe(false);
  });

  it('queues the opposite request while one is pending and sends it after the answer', () => {
    const { machine, sent } = negotiator();
    machine.request('remote', echo, true);
    machine.request('remote', echo, false);
    machine.receive('WILL', echo);
    machine.receive('WONT', echo);
    expect(sent).toEqual(['DO ECHO', 'DONT ECHO']);
    expect(machine.isEnabled('remote', echo)).toBe(false);
  });

  it('cancels a queued opposite request when asked again for the original', () => {
    const { machine, sent } = negotiator();
    machine.request('remote', echo, true);
    machine.request('remote', echo, false);
    machine.request('remote', echo, true);
    machine.receive('WILL', echo);
    expect(sent).toEqual(['DO ECHO']);
    expect(machine.isEnabled('remote', echo)).toBe(true);
  });

  it('disables on request and re-enables when the opposite was queued during WANTNO', () => {
    const { machine, sent } = negotiator({ remote: [echo] });
    machine.receive('WILL', echo);
    machine.request('remote', echo, false);
    machine.request('remote', echo, true);
    machine.receive('WONT', echo);
    machine.receive('WILL', echo);
    expect(sent).toEqual(['DO ECHO', 'DONT ECHO', 'DO ECHO']);
    expect(machine.isEnabled('remote', echo)).toBe(true);
  });

  it('does not send anything for requests that match the current state', () => {
    const { machine, sent } = negotiator({ remote: [echo] });
    machine.request('remote', echo, false);
    machine.receive('WILL', echo);
    machine.request('remote', echo, true);
    expect(sent).toEqual(['DO ECHO']);
  });
});

describe('optionName', () => {
  it('names known options like telnet clients do and numbers the rest', () => {
    expect([optionName(24), optionName(31), optionName(39), optionName(200)]).toEqual(['TTYPE', 'NAWS', 'NEW-ENVIRON', 'OPTION 200']);
  });
});
