import { describe, expect, it } from 'vitest';
import { confidentReadability, minimumReadability, scoreReadability } from './readability';
import { misreadUart } from './testing/uartSimulation';

const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
const utf8 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'));

/** What consoles print after a wake-up CR (FRR from peers/transcripts; the others from DOMAIN.md §2). */
const consoleAnswers = {
  frrBanner: '\r\nHello, this is FRRouting (version 8.4.4).\r\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\r\n\r\nr1# ',
  iosUser: '\r\nR1>',
  iosLogin: '\r\n\r\nUser Access Verification\r\n\r\nUsername: ',
  vrp: '\r\n<HUAWEI>',
  vrp8Config: '\r\n[~HUAWEI-GigabitEthernet0/0/1]',
  comware: '\r\n<H3C>',
  junos: '\r\n{master:0}\r\nadmin@mx240> ',
  maipuPassword: '\r\nPassword:',
};

describe('scoreReadability', () => {
  it.each(Object.entries(consoleAnswers))('is confident about a clean %s answer', (_name, text) => {
    expect(scoreReadability(latin1(text))).toBeGreaterThanOrEqual(confidentReadability);
  });

  it('scores a prompt higher than the same text without one', () => {
    const withPrompt = scoreReadability(latin1('Building configuration...\r\nR1#'));
    const withoutPrompt = scoreReadability(latin1('Building configuration...\r\n'));
    expect(withPrompt).toBeGreaterThan(withoutPrompt);
    expect(withoutPrompt).toBeGreaterThanOrEqual(minimumReadability);
  });

  it('scores nothing for no answer at all', () => {
    expect(scoreReadability(new Uint8Array())).toBe(0);
  });

  it('scores bare line ends low: they prove the speed no better than silence', () => {
    expect(scoreReadability(latin1('\r\n\r\n'))).toBeLessThan(minimumReadability);
  });

  it.each([9600, 115_200, 38_400])('rejects a console sending at %i read at every other common speed', (sentBaud) => {
    for (const readBaud of [9600, 115_200, 38_400, 19_200, 57_600, 4800, 2400]) {
      if (readBaud === sentBaud) continue;
      for (const text of Object.values(consoleAnswers)) {
        const garbage = misreadUart(latin1(text), sentBaud, readBaud);
        expect(scoreReadability(garbage), `${sentBaud} read at ${readBaud}: ${JSON.stringify(text)}`).toBeLessThan(minimumReadability);
      }
    }
  });

  it('keeps the speed whose text survives the UART unchanged at the top', () => {
    const sent = latin1(consoleAnswers.iosLogin);
    const right = scoreReadability(misreadUart(sent, 9600, 9600));
    const wrong = Math.max(...[115_200, 38_400, 19_200, 57_600, 4800, 2400].map((readBaud) => scoreReadability(misreadUart(sent, 9600, readBaud))));
    expect(right).toBe(1);
    expect(wrong).toBeLessThan(right);
  });

  it('scores NULs, stray controls and invalid high bytes as garbage', () => {
    expect(scoreReadability(Uint8Array.from([0x00, 0x00, 0xf8, 0x80, 0xe0, 0x00, 0xfe, 0x1c, 0x00, 0xff]))).toBe(0);
  });

  it('tolerates a little line noise in otherwise clean text', () => {
    const noisy = Uint8Array.from([...latin1('\r\nUser Access Verification\r\n\r\nUsername: '.replace('Access', 'Acc')), 0x00, ...latin1('\r\nR1>')]);
    expect(scoreReadability(noisy)).toBeGreaterThanOrEqual(minimumReadability);
  });

  it('counts UTF-8 text (a Chinese login banner) as readable', () => {
    expect(scoreReadability(utf8('\r\n欢迎使用 县级站点路由器\r\nR1>'))).toBeGreaterThanOrEqual(confidentReadability);
  });

  it('treats ANSI escape sequences as part of the text', () => {
    expect(scoreReadability(latin1('\x1b[2J\x1b[1;1H\r\nR1>'))).toBeGreaterThanOrEqual(confidentReadability);
  });

  it('gives one misread byte that looks like a digit little weight', () => {
    expect(scoreReadability(latin1('9'))).toBeLessThan(minimumReadability);
  });

  it('marks punctuation-heavy printable bytes down against words', () => {
    const punctuation = scoreReadability(latin1('~}|{`_^]\\[@?>=<;:/.-,+*)(\'&%$#"!~}|{`_^'));
    const words = scoreReadability(latin1('interface GigabitEthernet0/1 is up, line protocol is up'));
    expect(punctuation).toBeLessThan(words);
  });
});
