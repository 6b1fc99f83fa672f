import type { DialectDefinitionInput } from './schema';
import { PASSWORD_PROMPT, USERNAME_PROMPT, junosPrompts } from './patterns';

/**
 * Juniper Junos: operational `user@host>` (the `privileged` role) and configuration `[edit]` +
 * `user@host#`. Two-stage: `commit` is the save. Sources: DOMAIN.md §2.0/§2.6, scrapli's Junos
 * privilege levels and failure strings, the netmiko Junos driver.
 */
export const junos: DialectDefinitionInput = {
  id: 'junos',
  displayName: { 'zh-CN': '瞻博 Junos', en: 'Juniper Junos' },
  vendor: 'Juniper',
  family: 'junos',
  prompts: [
    { mode: 'config', pattern: junosPrompts.config },
    { mode: 'privileged', pattern: junosPrompts.privileged },
  ],
  anyPrompt: junosPrompts.any,
  modeGraph: [
    { from: 'privileged', to: 'config', command: 'configure', note: '`configure private` / `configure exclusive` also exist' },
    {
      from: 'config',
      to: 'privileged',
      command: 'exit configuration-mode',
      note: 'asks "Exit with uncommitted changes? [yes,no]" when uncommitted changes remain',
      unverified: true,
    },
  ],
  login: {
    usernamePrompts: [{ pattern: USERNAME_PROMPT, flags: 'i' }],
    passwordPrompts: [{ pattern: PASSWORD_PROMPT, flags: 'i' }],
    failures: [{ pattern: 'Login incorrect' }],
    wakeUp: [],
    questions: [
      { expect: '(?:^|[\\r\\n])root@[^\\r\\n]*%[ \\t]*$', answer: 'cli', note: 'root logs in to the shell; start the CLI', unverified: true },
    ],
  },
  enableFailures: [],
  pagingOff: [{ command: 'set cli screen-length 0' }, { command: 'set cli screen-width 511' }],
  pagers: [{ pattern: '---\\(more(?: \\d+%)?\\)---', answer: ' ' }],
  config: { enter: 'configure', leave: 'exit configuration-mode' },
  failures: [
    { pattern: '^[ \\t]*syntax error' },
    { pattern: '^[ \\t]*unknown command' },
    { pattern: 'is ambiguous' },
    { pattern: 'No valid completions' },
    { pattern: '^[ \\t]*error: commit failed' },
    { pattern: '^[ \\t]*error: configuration check-out failed' },
  ],
  save: [{ command: 'commit', success: 'commit complete', unverified: true }],
  commands: { version: 'show version', runningConfig: 'show configuration' },
  secretPatterns: [{ pattern: '\\b(?:encrypted-password|pre-shared-key ascii-text|secret) "?(?<secret>[^";\\s]+)', flags: 'm' }],
  notes: ['Ping output format is BSD-style and unverified in the corpus (DOMAIN.md §2.0).'],
};
