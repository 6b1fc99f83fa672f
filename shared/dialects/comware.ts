import type { DialectDefinitionInput } from './schema';
import { PASSWORD_PROMPT, PRESS_RETURN, USERNAME_PROMPT, vrpLikePrompts } from './patterns';

/**
 * H3C Comware 5/7 (also HP/HPE A-series, 3Com): views as in VRP, `system-view` acts as
 * "enable". Sources: DOMAIN.md §2.0/§2.4, scrapli-community hp_comware, NOC 3Com.SuperStack3_4500
 * (error regex and save dialogue), HCL lab save transcripts.
 */
export const comware: DialectDefinitionInput = {
  id: 'comware',
  displayName: { 'zh-CN': '新华三 Comware', en: 'H3C Comware' },
  vendor: 'H3C',
  family: 'vrp-like',
  prompts: [
    { mode: 'config', pattern: vrpLikePrompts.config, note: '[H3C], [H3C-GigabitEthernet1/0/1]' },
    { mode: 'privileged', pattern: vrpLikePrompts.privileged, note: 'user view <H3C>' },
  ],
  anyPrompt: vrpLikePrompts.any,
  modeGraph: [
    { from: 'privileged', to: 'config', command: 'system-view' },
    { from: 'config', to: 'privileged', command: 'return' },
  ],
  login: {
    usernamePrompts: [{ pattern: USERNAME_PROMPT, flags: 'i' }],
    passwordPrompts: [{ pattern: PASSWORD_PROMPT, flags: 'i' }],
    failures: [{ pattern: '% (?:Login|Authentication) failed', unverified: true }],
    wakeUp: [{ pattern: PRESS_RETURN, flags: 'i', note: 'Comware consoles print "Press ENTER to get started."' }],
    questions: [],
  },
  enableFailures: [],
  pagingOff: [{ command: 'screen-length disable' }],
  pagers: [{ pattern: ' *---- More ----', answer: ' ' }],
  config: { enter: 'system-view', leave: 'return' },
  failures: [
    { pattern: "^[ \\t]*% Unrecognized command found at '\\^' position" },
    { pattern: "^[ \\t]*% Incomplete command found at '\\^' position" },
    { pattern: '^[ \\t]*% Ambiguous command found', unverified: true },
    { pattern: '^[ \\t]*% Too many parameters found', unverified: true },
    { pattern: '^[ \\t]*% Wrong parameter found', unverified: true },
  ],
  save: [
    {
      command: 'save',
      dialogue: [
        { expect: 'Are you sure\\? ?\\[[Yy]/[Nn]\\]:', answer: 'Y' },
        { expect: 'press the enter key\\):', answer: '', note: 'after "Please input the file name(*.cfg)[flash:/startup.cfg]"' },
        { expect: 'exists, overwrite\\? ?\\[[Yy]/[Nn]\\]:', answer: 'Y' },
      ],
      success: 'saved to device successfully',
    },
    { command: 'save force', success: 'saved to device successfully', note: 'skips every question' },
  ],
  commands: { version: 'display version', runningConfig: 'display current-configuration' },
  secretPatterns: [
    { pattern: '\\bpassword (?:hash|simple|cipher) (?<secret>\\S+)', flags: 'm' },
    { pattern: '\\bkey (?:simple|cipher) (?<secret>\\S+)', flags: 'm' },
  ],
  notes: ['Login banners may need Y/Enter (DOMAIN.md §2.4).', 'Voice keywords differ between Comware 5 and 7.'],
};
