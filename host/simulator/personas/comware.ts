import { confirm, pagingSwitch, saveNow, versionHandler } from '../families/commonCommands';
import { createVrpLikeBehaviour } from '../families/vrpLike';
import { comwareHierarchy } from '../families/vrpLikeTables';
import { vrpLikeCheckHandlers } from '../features/checkHandlers';
import { Hierarchy } from '../hierarchy';
import type { CommandContext, CommandHandler, Persona, Question, Reply } from '../types';
import { versionOutputs } from './versionOutputs';
import { configurationHandler, createVrpLikeDevice, displayThis, quietDisplays } from './vrpLikeCommon';

/**
 * H3C Comware 5.20 on an S7510E (test/fixtures/version/comware-s7510e.txt). The save dialogue
 * (question, file name, overwrite) is DOMAIN.md §2.0's; errors are Comware's `% … found at '^' position.`
 * The check outputs (NTP, IKE/IPSec SAs, SIP, ping, interface table) are Comware 7's: the only
 * real ones in test/fixtures.
 */
const BASE_CONFIG = `
version 5.20, Feature 6709L25
domain default enable system
ip http enable
ip https enable
vlan 1
interface NULL0
interface Vlan-interface1
interface GigabitEthernet1/0/1
interface GigabitEthernet1/0/2
interface GigabitEthernet1/0/3
domain system
 access-limit disable
 state active
 idle-cut disable
 self-service-url disable
user-interface aux 0
user-interface vty 0 4
 authentication-mode scheme
`;

const VERSION_LINE = '';
const SAVED = ' Validating file. Please wait....\n Configuration is saved to device successfully.';
const yes = /^y(es)?$/i;
const no = /^n(o)?$/i;

function overwrite(context: CommandContext, file: string): Question {
  return confirm(`${file} exists, overwrite? [Y/N]:`, {
    yes,
    no,
    onYes: () => {
      saveNow(context);
      return { output: SAVED };
    },
    onNo: () => ({ output: ' Configuration is not saved!' }),
    other: () => overwrite(context, file),
  });
}

function fileName(context: CommandContext): Question {
  return {
    prompt: 'Please input the file name(*.cfg)[flash:/startup.cfg]\n(To leave the existing filename unchanged, press the enter key):',
    answer: (line): Reply => {
      const typed = line.trim();
      if (typed !== '' && !typed.endsWith('.cfg')) return { output: ' The file name is invalid!(It must end with .cfg)' };
      const file = typed === '' ? 'flash:/startup.cfg' : typed.includes(':') ? typed : `flash:/${typed}`;
      return { output: '', question: overwrite(context, file) };
    },
  };
}

function sure(context: CommandContext): Question {
  return confirm('The current configuration will be written to the device. Are you sure? [Y/N]:', {
    yes,
    no,
    onYes: () => ({ output: '', question: fileName(context) }),
    onNo: () => ({ output: '' }),
    other: () => sure(context),
  });
}

const save: CommandHandler = (context) => ({ output: '', question: sure(context) });

const saveForce: CommandHandler = (context) => {
  saveNow(context);
  return { output: SAVED };
};

export const comware: Persona = {
  dialect: 'comware',
  defaultHostname: 'H3C',
  defaultUsername: 'admin',
  login: {
    banner: [
      '',
      '******************************************************************************',
      '* Copyright (c) 2004-2015 Hangzhou H3C Tech. Co., Ltd. All rights reserved.  *',
      '* Without the owner\'s prior written consent,                                 *',
      '* no decompiling or reverse-engineering shall be allowed.                    *',
      '******************************************************************************',
      '',
      '',
      'Login authentication',
      '',
      '',
    ].join('\n'),
    usernamePrompt: 'Username:',
    passwordPrompt: 'Password:',
    failure: '% Login failed!\n\n',
    welcome: '\n',
  },
  consoleWakeUp: () => '\n\nPress ENTER to get started.\n',
  pager: { prompt: '  ---- More ----', eraser: `\x1b[16D${' '.repeat(16)}\x1b[16D` },
  defaultPageLength: 24,
  createDevice: (hostname, ports) => createVrpLikeDevice('comware', BASE_CONFIG, hostname, ports),
  behaviour: createVrpLikeBehaviour({
    hierarchy: new Hierarchy(comwareHierarchy),
    defaultHostname: 'H3C',
    errors: {
      invalid: " % Unrecognized command found at '^' position.",
      incomplete: " % Incomplete command found at '^' position.",
      ambiguous: " % Ambiguous command found at '^' position.",
    },
    systemViewBanner: 'System View: return to User View with Ctrl+Z.',
    userView: {
      'screen-length disable': pagingSwitch(false),
      'undo screen-length disable': pagingSwitch(true),
      'terminal monitor': () => ({ output: '% Current terminal monitor is on' }),
      'undo terminal monitor': () => ({ output: '% Current terminal monitor is off' }),
    },
    anyView: {
      ...quietDisplays([
        'display ipsec tunnel ...',
        'display bgp peer ...', 'display ospf peer ...', 'display ip routing-table ...', 'display users ...', 'display info-center ...',
        'display snmp-agent *', 'display acl *', 'display logbuffer ...', 'display interface ...',
      ]),
      'display version': versionHandler(versionOutputs.comware),
      'display current-configuration ...': configurationHandler(VERSION_LINE, 'running'),
      'display saved-configuration ...': configurationHandler(VERSION_LINE, 'startup'),
      'display this': displayThis,
      'display clock': () => '10:21:07 BJ Mon 03/03/2025\nTime Zone : BJ add 08:00:00\n',
      save,
      'save force': saveForce,
      ...vrpLikeCheckHandlers('comware'),
    },
  }),
};
