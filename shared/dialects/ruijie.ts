import type { DialectDefinitionInput } from './schema';
import { PASSWORD_PROMPT, PRESS_RETURN, USERNAME_PROMPT, iosLikePrompts } from './patterns';

/**
 * Ruijie RGOS: Cisco-like modes, paging, enable and `write` (netmiko's driver, DOMAIN.md §2.5).
 * DOMAIN.md flags its error strings as unverified.
 */
export const ruijie: DialectDefinitionInput = {
  id: 'ruijie',
  displayName: { 'zh-CN': '锐捷 RGOS', en: 'Ruijie RGOS' },
  vendor: 'Ruijie',
  family: 'ios-like',
  prompts: [
    { mode: 'config', pattern: iosLikePrompts.config },
    { mode: 'privileged', pattern: iosLikePrompts.privileged },
    { mode: 'user', pattern: iosLikePrompts.user },
  ],
  anyPrompt: iosLikePrompts.any,
  modeGraph: [
    { from: 'user', to: 'privileged', command: 'enable', password: 'enableSecret' },
    { from: 'privileged', to: 'user', command: 'disable', unverified: true },
    { from: 'privileged', to: 'config', command: 'configure terminal' },
    { from: 'config', to: 'privileged', command: 'end' },
  ],
  login: {
    usernamePrompts: [{ pattern: USERNAME_PROMPT, flags: 'i' }],
    passwordPrompts: [{ pattern: PASSWORD_PROMPT, flags: 'i' }],
    failures: [
      { pattern: '% Login invalid', unverified: true },
      { pattern: '% Bad passwords', unverified: true },
      { pattern: '% Authentication failed', unverified: true },
    ],
    wakeUp: [{ pattern: PRESS_RETURN, flags: 'i', unverified: true }],
    questions: [],
  },
  enableFailures: [{ pattern: '% Bad (?:passwords|secrets)', unverified: true }, { pattern: '% Access denied', unverified: true }],
  pagingOff: [{ command: 'terminal length 0' }, { command: 'terminal width 256' }],
  pagers: [{ pattern: ' ?--More-- ?', answer: ' ', unverified: true }],
  config: { enter: 'configure terminal', leave: 'end' },
  failures: [
    { pattern: "^[ \\t]*% Invalid input detected at '\\^' marker", unverified: true },
    { pattern: '^[ \\t]*% Incomplete command', unverified: true },
    { pattern: '^[ \\t]*% Ambiguous command', unverified: true },
    { pattern: '^[ \\t]*% Unknown command', unverified: true },
  ],
  save: [{ command: 'write', note: 'netmiko ruijie driver', success: '\\[OK\\]', unverified: true }],
  commands: { version: 'show version', runningConfig: 'show running-config' },
  secretPatterns: [{ pattern: '\\b(?:password|secret)(?: [0-9])? (?<secret>\\S+)', flags: 'm', unverified: true }],
  notes: ['`show version` differs from IOS: "System description : Ruijie … By Ruijie Networks" (DOMAIN.md §2.5).'],
};
