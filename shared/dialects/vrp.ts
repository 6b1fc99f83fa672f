import type { DialectDefinitionInput } from './schema';
import { PASSWORD_PROMPT, PRESS_RETURN, USERNAME_PROMPT, vrpLikePrompts } from './patterns';

/**
 * Huawei VRP 5 and 8. No enable: the user view `<R1>` plays the `privileged` role and
 * `system-view` enters configuration. VRP8 is two-stage (`[~R1]`/`[*R1]` until `commit`).
 * Sources: DOMAIN.md §2.0/§2.3, scrapli-community huawei_vrp, netmiko huawei driver and #1014.
 */
export const vrp: DialectDefinitionInput = {
  id: 'vrp',
  displayName: { 'zh-CN': '华为 VRP', en: 'Huawei VRP' },
  vendor: 'Huawei',
  family: 'vrp-like',
  prompts: [
    { mode: 'config', pattern: vrpLikePrompts.config, note: '[R1], [R1-GigabitEthernet0/0/1], VRP8 [~R1] / [*R1]' },
    { mode: 'privileged', pattern: vrpLikePrompts.privileged, note: 'user view <R1>' },
  ],
  anyPrompt: vrpLikePrompts.any,
  modeGraph: [
    { from: 'privileged', to: 'config', command: 'system-view' },
    {
      from: 'config',
      to: 'privileged',
      command: 'return',
      note: 'VRP8 asks about uncommitted changes when leaving; commit first (the apply step does)',
    },
  ],
  login: {
    usernamePrompts: [{ pattern: USERNAME_PROMPT, flags: 'i' }],
    passwordPrompts: [{ pattern: PASSWORD_PROMPT, flags: 'i' }],
    failures: [
      { pattern: 'Error: Username or password error', unverified: true },
      { pattern: 'Error: Local authentication is rejected', unverified: true },
      { pattern: 'Error: Failed to authenticate', unverified: true },
    ],
    wakeUp: [{ pattern: PRESS_RETURN, flags: 'i', unverified: true }],
    questions: [{ expect: 'Change now\\? ?\\[[Yy]/[Nn]\\]', answer: 'N', note: 'password-change nag at login (netmiko answers N)' }],
  },
  enableFailures: [],
  pagingOff: [{ command: 'screen-length 0 temporary' }],
  pagers: [{ pattern: ' *---- More ----', answer: ' ' }],
  config: { enter: 'system-view', leave: 'return' },
  failures: [
    {
      pattern: '^[ \\t]*Error(?:\\[\\d+\\])?:',
      note: "Error: Unrecognized command found at '^' position. / Wrong parameter / Incomplete command / Ambiguous command; Error[n]: on CE",
    },
  ],
  save: [
    {
      command: 'save',
      dialogue: [{ expect: 'Are you sure to continue\\? ?\\[[Yy]/[Nn]\\]', answer: 'Y', note: 'some models ask in lower case' }],
      success: 'successfully',
    },
  ],
  commands: { version: 'display version', runningConfig: 'display current-configuration' },
  secretPatterns: [
    { pattern: '\\b(?:cipher|irreversible-cipher|simple)(?: )(?<secret>\\S+)', flags: 'm', unverified: true },
    { pattern: '\\bpre-shared-key (?:cipher |simple )?(?<secret>\\S+)', flags: 'm', unverified: true },
  ],
  notes: [
    'A read-only user may need `command-privilege level` changes for display commands (oxidized VRP notes).',
    'Voice display keywords on AR routers are unverified (DOMAIN.md §2.3).',
  ],
};
