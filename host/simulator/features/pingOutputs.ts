import type { DialectId } from '../../../shared/contract';
import type { PingOutcome, PingRequest } from './runtime';

const DEFAULT_COUNT = 5;
/** A count a device accepts; anything else falls back to the default rather than flooding the output. */
const countOf = (text: string | undefined): number => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 && value <= 1000 ? value : DEFAULT_COUNT;
};

/** Keyword options of each CLI's ping that take a value (the value is skipped when looking for the target). */
const VALUED_OPTIONS: Record<'iosLike' | 'vrpLike' | 'junos', ReadonlySet<string>> = {
  iosLike: new Set(['source', 'repeat', 'size', 'timeout', 'ntimes', 'length', 'vrf', 'df-bit', 'data']),
  vrpLike: new Set(['-c', '-a', '-s', '-t', '-m', '-h', '-i', '-vpn-instance', '-p', '-tos']),
  junos: new Set(['count', 'source', 'size', 'interval', 'wait', 'ttl', 'routing-instance', 'interface']),
};

function family(dialect: DialectId): 'iosLike' | 'vrpLike' | 'junos' {
  return dialect === 'vrp' || dialect === 'comware' ? 'vrpLike' : dialect === 'junos' ? 'junos' : 'iosLike';
}

/**
 * Reads `ping …` as typed (keywords written out): IOS `ping X [source S] [repeat N]`, Ruijie
 * `ping X [source S] ntimes N`, VRP/Comware `ping [-c N] [-a S] X`, Junos `ping X count N rapid
 * [source S]`. Options are found by keyword; the first other word is the target.
 */
export function pingRequest(dialect: DialectId, words: readonly string[]): PingRequest & { rapid: boolean } {
  const valued = VALUED_OPTIONS[family(dialect)];
  const options = new Map<string, string>();
  let target = '';
  let rapid = false;
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (valued.has(word)) {
      options.set(word, words[index + 1] ?? '');
      index += 1;
    } else if (word === 'rapid') rapid = true;
    else if (word !== 'ip' && target === '' && !word.startsWith('-')) target = word;
  }
  const source = options.get('source') ?? options.get('-a');
  const count = countOf(options.get('repeat') ?? options.get('ntimes') ?? options.get('-c') ?? options.get('count'));
  return { target, count, rapid, ...(source !== undefined ? { source } : {}) };
}

const repeat = (count: number, render: (sequence: number) => string): string[] => Array.from({ length: count }, (_, index) => render(index));

/** Cisco IOS and Maipu (test/fixtures/ping/ios-success.txt, ios-fail.txt). */
function iosPing({ target, source, sent, received }: PingOutcome): string[] {
  const marks = (received > 0 ? '!' : '.').repeat(sent);
  const rate = Math.round((received / sent) * 100);
  return [
    'Type escape sequence to abort.',
    `Sending ${sent}, 100-byte ICMP Echos to ${target}, timeout is 2 seconds:`,
    ...(source !== null ? [`Packet sent with a source address of ${source} `] : []),
    marks,
    `Success rate is ${rate} percent (${received}/${sent})${received > 0 ? ', round-trip min/avg/max = 1/1/2 ms' : ''}`,
  ];
}

/** Ruijie RGOS (ruijie-ac-interrupted.txt: `Echoes`, the Ctrl+C hint, a period after the rate). The success form is unverified. */
function ruijiePing({ target, sent, received }: PingOutcome): string[] {
  const rate = Math.round((received / sent) * 100);
  return [
    `Sending ${sent}, 100-byte ICMP Echoes to ${target}, timeout is 2 seconds:`,
    '  < press Ctrl+C to break >',
    (received > 0 ? '!' : '.').repeat(sent),
    `Success rate is ${rate} percent (${received}/${sent})${received > 0 ? ', round-trip min/avg/max = 1/1/2 ms' : ''}.`,
  ];
}

/** Huawei VRP (vrp-ce.txt): one summary item a line; `Request time out` for each lost echo. */
function vrpPing({ target, sent, received }: PingOutcome): string[] {
  const replies = received > 0 ? repeat(sent, (index) => `    Reply from ${target}: bytes=56 Sequence=${index + 1} ttl=255 time=1 ms`) : repeat(sent, () => '    Request time out');
  return [
    `  PING ${target}: 56  data bytes, press CTRL_C to break`,
    ...replies,
    '',
    `  --- ${target} ping statistics ---`,
    `    ${sent} packet(s) transmitted`,
    `    ${received} packet(s) received`,
    `    ${received > 0 ? '0.00' : '100.00'}% packet loss`,
    ...(received > 0 ? ['    round-trip min/avg/max = 1/1/1 ms'] : []),
  ];
}

/** H3C Comware 7 (comware-7-success.txt, comware-7-unreachable.txt): no round-trip line when nothing came back. */
function comwarePing({ target, source, sent, received }: PingOutcome): string[] {
  const from = source !== null ? ` from ${source}` : '';
  const replies = received > 0 ? repeat(sent, (index) => `56 bytes from ${target}: icmp_seq=${index} ttl=255 time=1.000 ms`) : repeat(sent, () => 'Request time out');
  return [
    `Ping ${target} (${target})${from}: 56 data bytes, press CTRL+C to break`,
    ...replies,
    '',
    `--- Ping statistics for ${target} ---`,
    `${sent} packet(s) transmitted, ${received} packet(s) received, ${received > 0 ? '0.0' : '100.0'}% packet loss`,
    ...(received > 0 ? ['round-trip min/avg/max/std-dev = 1.000/1.000/1.000/0.000 ms'] : []),
  ];
}

/** Junos (junos-count5.txt); `rapid` prints one `!` or `.` per echo instead of a line. */
function junosPing({ target, sent, received }: PingOutcome, rapid: boolean): string[] {
  const replies = rapid
    ? [(received > 0 ? '!' : '.').repeat(sent)]
    : received > 0
      ? repeat(sent, (index) => `64 bytes from ${target}: icmp_seq=${index} ttl=64 time=1.000 ms`)
      : repeat(sent, (index) => `Request timeout for icmp_seq ${index}`);
  return [
    `PING ${target} (${target}): 56 data bytes`,
    ...replies,
    ...(rapid ? [] : ['']),
    `--- ${target} ping statistics ---`,
    `${sent} packets transmitted, ${received} packets received, ${received > 0 ? '0' : '100'}% packet loss`,
    ...(received > 0 ? ['round-trip min/avg/max/stddev = 1.000/1.000/1.000/0.000 ms'] : []),
  ];
}

export function renderPing(dialect: DialectId, outcome: PingOutcome, rapid: boolean): string {
  const lines = (() => {
    switch (dialect) {
      case 'ios':
      case 'maipu':
        return iosPing(outcome);
      case 'ruijie':
        return ruijiePing(outcome);
      case 'vrp':
        return vrpPing(outcome);
      case 'comware':
        return comwarePing(outcome);
      case 'junos':
        return junosPing(outcome, rapid);
    }
  })();
  return lines.join('\n') + '\n';
}
