import type { DialectDefinitionInput } from './schema';
import { PASSWORD_PROMPT, PRESS_RETURN, USERNAME_PROMPT, iosLikePrompts } from './patterns';

/**
 * Cisco IOS / IOS-XE, and FRRouting's Cisco-like shell (vtysh and the daemons' Telnet VTYs),
 * which is the real peer our tests run against. Sources: DOMAIN.md §2.0/§2.2, scrapli's IOS-XE
 * privilege levels and failure strings, PEERS.md and the FRR transcripts in shared/peers/transcripts.
 */
export const ios: DialectDefinitionInput = {
  id: 'ios',
  displayName: { 'zh-CN': '思科 IOS / IOS-XE（含 FRR）', en: 'Cisco IOS / IOS-XE (and FRR)' },
  vendor: 'Cisco',
  family: 'ios-like',
  lineEnding: '\n',
  prompts: [
    { mode: 'config', pattern: iosLikePrompts.config, note: 'r1(config)#, r1(config-if)#; IOS also uses (cfg-crypto-trans)#' },
    { mode: 'privileged', pattern: iosLikePrompts.privileged },
    { mode: 'user', pattern: iosLikePrompts.user },
  ],
  anyPrompt: iosLikePrompts.any,
  modeGraph: [
    { from: 'user', to: 'privileged', command: 'enable', password: 'enableSecret' },
    { from: 'privileged', to: 'user', command: 'disable' },
    { from: 'privileged', to: 'config', command: 'configure terminal' },
    { from: 'config', to: 'privileged', command: 'end', note: '`end` leaves any config sub-mode at once' },
  ],
  login: {
    usernamePrompts: [{ pattern: USERNAME_PROMPT, flags: 'i' }],
    passwordPrompts: [{ pattern: PASSWORD_PROMPT, flags: 'i', note: 'an FRR VTY re-asks Password: on a wrong password (frr-vty-zebra-session.txt)' }],
    failures: [
      { pattern: '% Login invalid' },
      { pattern: '% Bad passwords' },
      { pattern: '% Authentication failed' },
      { pattern: 'Login incorrect', note: 'telnetd + login(1) in front of vtysh' },
      { pattern: '% Access denied', unverified: true },
    ],
    wakeUp: [{ pattern: PRESS_RETURN, flags: 'i', note: 'serial-console-session.txt; DOMAIN.md §1 #1' }],
    questions: [
      {
        expect: 'Would you like to enter the initial configuration dialog\\? \\[yes/no\\]:',
        answer: 'no',
        note: 'an unconfigured router on its console',
      },
    ],
  },
  enableFailures: [
    { pattern: '% Bad (?:passwords|secrets)' },
    { pattern: '% Access denied', unverified: true },
    { pattern: '% No password set', note: 'IOS on a VTY without an enable secret', unverified: true },
  ],
  pagingOff: [
    { command: 'terminal length 0' },
    { command: 'terminal width 511', note: 'FRR answers "% Unknown command" (harmless, PEERS.md)' },
  ],
  pagers: [{ pattern: ' ?--More-- ?', answer: ' ' }],
  config: { enter: 'configure terminal', leave: 'end' },
  failures: [
    { pattern: "^[ \\t]*% Invalid input detected at '\\^' marker" },
    { pattern: '^[ \\t]*% Incomplete command' },
    { pattern: '^[ \\t]*% Ambiguous command' },
    { pattern: '^[ \\t]*% (?:\\[[\\w-]+\\] )?Unknown command', note: 'FRR daemon VTYs prefix the daemon: "% [ZEBRA] Unknown command:"' },
    { pattern: '^[ \\t]*% (?:\\[[\\w-]+\\] )?Command incomplete', note: 'FRR' },
    { pattern: '^[ \\t]*% Configuration failed', note: 'FRR; followed by "Error type:" and "Error description:" lines' },
    { pattern: '^[ \\t]*% No BGP process is configured', note: 'FRR' },
  ],
  save: [
    { command: 'write memory', success: '\\[OK\\]|Configuration saved to', note: 'FRR prints one "Configuration saved to" per daemon, no [OK]' },
    {
      command: 'copy running-config startup-config',
      dialogue: [{ expect: 'Destination filename \\[startup-config\\]\\?', answer: '' }],
      success: '\\[OK\\]',
    },
  ],
  commands: { version: 'show version', runningConfig: 'show running-config' },
  clearLine: '\u0015',
  secretPatterns: [
    { pattern: '^[ \\t]*(?:enable )?(?:password|secret)(?: [0-9])? (?<secret>\\S+)', flags: 'm' },
    { pattern: '\\b(?:password|secret)(?: [0-9])? (?<secret>\\S+)', flags: 'm', note: 'username … secret 9 …, credentials … password …' },
    { pattern: '\\bcrypto isakmp key (?:[0-9] )?(?<secret>\\S+)', flags: 'm' },
  ],
  notes: [
    'FRR vtysh starts in privileged mode; a daemon VTY asks Password: and starts in user mode.',
    'FRR errors have no "% Invalid input"; see the failures list and PEERS.md.',
    'Send LF or CR only to vtysh over raw TCP: CRLF gives an extra empty command (tcp-first-bytes.txt).',
  ],
};
