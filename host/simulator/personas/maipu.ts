import { confirm, pagingSwitch, saveNow, versionHandler } from '../families/commonCommands';
import { iosLikeCheckHandlers } from '../features/checkHandlers';
import { createIosLikeBehaviour } from '../families/iosLike';
import { iosLikeHierarchy, quietShowCommands, renderInterfaceBrief, renderIosLikeConfig } from '../families/iosLikeTables';
import { Hierarchy } from '../hierarchy';
import type { CommandContext, CommandHandler, Persona, Reply } from '../types';
import { createIosLikeDevice } from './ios';
import { versionOutputs } from './versionOutputs';

/**
 * Maipu MyPower (an MP3840 router, test/fixtures/version/maipu-mp3840.txt). Error text, pager and
 * the `write` question are from DOMAIN.md §2.1 (netmiko #3388/#3396, NOC profile); the text
 * printed after a confirmed save is not in any source we have and is marked so.
 */
const BASE_CONFIG = `
interface gigabitethernet0
 no ip address
interface gigabitethernet1
 no ip address
interface gigabitethernet2
 no ip address
interface loopback0
line vty 0 4
 login
`;

const yes = /^y(es)?$/i;
const no = /^(n(o)?)?$/i;

function save(prompt: string, done: string): CommandHandler {
  return (context: CommandContext) => ({
    output: '',
    question: confirm(prompt, {
      yes,
      no,
      onYes: (): Reply => {
        saveNow(context);
        // Unverified: the text after a confirmed `write` (no capture available).
        return { output: done };
      },
      onNo: () => ({ output: '' }),
      other: () => ({ output: '% Please answer Yes or No.' }),
    }),
  });
}

function runningConfig({ device }: CommandContext): string {
  return ['Building configuration...', '', 'Current configuration:', '!', ...renderIosLikeConfig(device.running), 'end', ''].join('\n');
}

export const maipu: Persona = {
  dialect: 'maipu',
  defaultHostname: 'Maipu',
  defaultUsername: 'admin',
  login: { banner: '\n\nUser Access Verification\n\n', usernamePrompt: 'Username:', passwordPrompt: 'Password:', failure: '% Login invalid\n\n', welcome: '\n' },
  consoleWakeUp: (hostname) => `\n\n${hostname} con0 is now available\n\n\nPress RETURN to get started.\n`,
  pager: { prompt: '....press ENTER to next line, Q to quit, other key to next page....', eraser: '\r' + ' '.repeat(70) + '\r' },
  defaultPageLength: 24,
  createDevice: (hostname, ports) => createIosLikeDevice('maipu', BASE_CONFIG, hostname, null, ports, ['no ip address']),
  behaviour: createIosLikeBehaviour({
    hierarchy: new Hierarchy({ ...iosLikeHierarchy, shownNegated: ['ip address'], interfaceNames: ['gigabitethernet', 'fastethernet', 'loopback', 'tunnel', 'serial', 'vlan'] }),
    defaultHostname: 'Maipu',
    errors: {
      invalid: "% Unrecognized command, and error detected at '^' marker.\n",
      incomplete: '% Incomplete command.\n',
      ambiguous: (typed) => `% Ambiguous command:  "${typed}"`,
    },
    configureBanner: '',
    enableFailure: '% Bad passwords',
    user: {
      ...quietShowCommands,
      'show version': versionHandler(versionOutputs.maipu),
      'show ip interface brief': ({ device }) => renderInterfaceBrief(device.running),
      'more off': pagingSwitch(false),
      'more on': pagingSwitch(true),
      ...iosLikeCheckHandlers('maipu'),
    },
    privileged: {
      'show running-config ...': runningConfig,
      'show startup-config': ({ device }) => ['!', ...renderIosLikeConfig(device.startup), 'end', ''].join('\n'),
      write: save('Are you sure to overwrite /flash/startup (Yes|No)?', 'Building configuration...\nWrite configuration to /flash/startup successfully.'),
      'write running-config startup-config': save('are you sure(y/n)? [n]', 'Write running-config to startup-config successfully.'),
    },
  }),
};
