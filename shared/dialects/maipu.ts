import type { DialectDefinitionInput } from './schema';
import { PASSWORD_PROMPT, PRESS_RETURN, USERNAME_PROMPT, iosLikePrompts } from './patterns';

/**
 * Maipu MyPower OS: IOS-like (netmiko's MaipuBase subclasses the Cisco base). Sources: DOMAIN.md
 * §2.1 (netmiko #3388/#3396, NOC Maipu.OS profile, the `forward` library). Save and `show version`
 * differ by product line; everything not quoted there is marked unverified.
 */
export const maipu: DialectDefinitionInput = {
  id: 'maipu',
  displayName: { 'zh-CN': '迈普 MyPower', en: 'Maipu MyPower' },
  vendor: 'Maipu',
  family: 'ios-like',
  prompts: [
    { mode: 'config', pattern: iosLikePrompts.config },
    { mode: 'privileged', pattern: iosLikePrompts.privileged },
    { mode: 'user', pattern: iosLikePrompts.user },
  ],
  anyPrompt: iosLikePrompts.any,
  modeGraph: [
    { from: 'user', to: 'privileged', command: 'enable', password: 'enableSecret', note: 'password prompt is optional (forward privilegeMode)' },
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
  pagingOff: [{ command: 'more off', note: 'netmiko maipu driver (#3388)' }],
  pagers: [
    { pattern: '---MORE---', answer: ' ' },
    {
      pattern: '\\.\\.\\.\\.press ENTER to next line, Q to quit, other key to next page\\.\\.\\.\\.',
      answer: ' ',
      note: 'NOC profile; any key other than Enter/Q shows the next page',
    },
  ],
  config: { enter: 'configure terminal', leave: 'end' },
  failures: [
    { pattern: '^[ \\t]*% Unrecognized command', note: "% Unrecognized command, and error detected at '^' marker. (NOC)" },
    { pattern: '^[ \\t]*% Incomplete command', unverified: true },
    { pattern: '^[ \\t]*% Ambiguous command', unverified: true },
    { pattern: '^[ \\t]*% Invalid input', unverified: true },
  ],
  save: [
    {
      command: 'write',
      dialogue: [{ expect: 'Are you sure to overwrite /flash/startup \\(Yes\\|No\\)\\?', answer: 'y' }],
      appliesTo: 'MP routers (netmiko #3396)',
    },
    {
      command: 'write running-config startup-config',
      dialogue: [{ expect: 'are you sure\\(y/n\\)\\? \\[n\\]', answer: 'y' }],
      success: 'successfully',
      appliesTo: 'S3300 switches (forward BASEMAIPU)',
    },
    {
      command: 'save',
      dialogue: [{ expect: 'Startup config in flash will be updated, are you sure', answer: 'y' }],
      appliesTo: 'NOC Maipu.OS profile',
      unverified: true,
    },
  ],
  commands: { version: 'show version', runningConfig: 'show running-config' },
  secretPatterns: [{ pattern: '\\b(?:password|secret)(?: [0-9])? (?<secret>\\S+)', flags: 'm', unverified: true }],
  notes: ['Strip rogue "             \\r" sequences (NOC rogue_chars).', 'Log out with `quit`.'],
};
