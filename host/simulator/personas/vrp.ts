import { confirm, pageLengthHandler, saveNow, versionHandler } from '../families/commonCommands';
import { createVrpLikeBehaviour } from '../families/vrpLike';
import { vrpHierarchy } from '../families/vrpLikeTables';
import { vrpLikeCheckHandlers } from '../features/checkHandlers';
import { Hierarchy } from '../hierarchy';
import type { CommandContext, CommandHandler, Persona, Question } from '../types';
import { versionOutputs } from './versionOutputs';
import { configurationHandler, createVrpLikeDevice, displayThis, quietDisplays } from './vrpLikeCommon';

/**
 * Huawei VRP 5 on an AR6280 (test/fixtures/version/vrp-ar6280.txt). Save dialogue and the
 * Enter-alone error from DOMAIN.md §1 #7 (netmiko #1014); error strings from §2.0.
 */
const BASE_CONFIG = `
aaa
 authentication-scheme default
 authorization-scheme default
 accounting-scheme default
 domain default
 domain default_admin
http secure-server enable
http server enable
interface GigabitEthernet0/0/0
interface GigabitEthernet0/0/1
interface GigabitEthernet0/0/2
interface NULL0
user-interface con 0
 authentication-mode password
user-interface vty 0 4
 authentication-mode aaa
`;

const VERSION_LINE = '[V300R019C10SPC300]';
const ENTER_ALONE = "Error: Please choose 'YES' or 'NO' first before pressing 'Enter'. [Y/N]:";

function saveQuestion(context: CommandContext, prompt: string): Question {
  return confirm(prompt, {
    yes: /^y(es)?$/i,
    no: /^n(o)?$/i,
    onYes: () => {
      saveNow(context);
      return { output: '  Now saving the current configuration to the slot 0.\n  Save the configuration successfully.' };
    },
    onNo: () => ({ output: '' }),
    other: () => saveQuestion(context, ENTER_ALONE),
  });
}

const save: CommandHandler = (context) => ({
  output: '  The current configuration will be written to the device.',
  question: saveQuestion(context, '  Are you sure to continue?[Y/N]:'),
});

export const vrp: Persona = {
  dialect: 'vrp',
  defaultHostname: 'Huawei',
  defaultUsername: 'admin',
  login: {
    banner: '\n\nLogin authentication\n\n\n',
    usernamePrompt: 'Username:',
    passwordPrompt: 'Password:',
    failure: 'Error: Local authentication is rejected.\n\n',
    welcome: '\nInfo: The max number of VTY users is 5, and the number\n      of current VTY users on line is 1.\n',
  },
  // Unverified: the wording of a VRP console's idle banner (the dialect accepts RETURN or ENTER).
  consoleWakeUp: () => '\n\nPress ENTER to get started.\n',
  pager: { prompt: '  ---- More ----', eraser: `\x1b[42D${' '.repeat(42)}\x1b[42D` },
  defaultPageLength: 24,
  createDevice: (hostname, ports) => createVrpLikeDevice('vrp', BASE_CONFIG, hostname, ports),
  behaviour: createVrpLikeBehaviour({
    hierarchy: new Hierarchy(vrpHierarchy),
    defaultHostname: 'Huawei',
    errors: {
      invalid: "Error: Unrecognized command found at '^' position.",
      incomplete: "Error:Incomplete command found at '^' position.",
      ambiguous: "Error:Ambiguous command found at '^' position.",
    },
    systemViewBanner: 'Enter system view, return user view with Ctrl+Z.',
    userView: {
      'screen-length * temporary': pageLengthHandler(1, () => 'Info: The configuration takes effect on the current user terminal interface only.'),
      'undo terminal monitor': () => ({ output: 'Info: Current terminal monitor is off.' }),
      'terminal monitor': () => ({ output: 'Info: Current terminal monitor is on.' }),
    },
    anyView: {
      ...quietDisplays([
        'display ipsec statistics ...', 'display ntp-service sessions ...',
        'display bgp peer ...', 'display ospf peer ...', 'display ip routing-table ...', 'display users ...', 'display info-center ...',
        'display snmp-agent *', 'display acl *', 'display logbuffer ...', 'display interface ...',
      ]),
      'display version': versionHandler(versionOutputs.vrp),
      'display current-configuration ...': configurationHandler(VERSION_LINE, 'running'),
      'display saved-configuration ...': configurationHandler(VERSION_LINE, 'startup'),
      'display this': displayThis,
      'display clock': () => '2025-03-03 10:21:07+08:00\nMonday\nTime Zone(BJ) : UTC+08:00\n',
      save,
      ...vrpLikeCheckHandlers('vrp'),
    },
  }),
};
