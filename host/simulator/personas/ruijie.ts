import { pageLengthHandler, saveNow, versionHandler } from '../families/commonCommands';
import { iosLikeCheckHandlers } from '../features/checkHandlers';
import { createIosLikeBehaviour } from '../families/iosLike';
import { iosLikeHierarchy, quietShowCommands, renderIosLikeConfig } from '../families/iosLikeTables';
import { Hierarchy } from '../hierarchy';
import type { CommandContext, CommandHandler, Persona } from '../types';
import { createIosLikeDevice } from './ios';
import { versionOutputs } from './versionOutputs';

/**
 * Ruijie RGOS (an S8607E, test/fixtures/version/ruijie-s8607e.txt): Cisco-like modes, paging and
 * `write` (netmiko's driver, DOMAIN.md §2.5). RGOS writes interface names with a space
 * (`GigabitEthernet 0/1`). Its error strings are Cisco's, unverified on a device.
 */
const BASE_CONFIG = `
version S8600E_RGOS 11.0(4)B8
interface GigabitEthernet 0/1
interface GigabitEthernet 0/2
interface GigabitEthernet 0/3
interface Mgmt 0
line con 0
line vty 0 4
 login
`;

const buildingOk: CommandHandler = (context) => {
  saveNow(context);
  return { output: 'Building configuration...\n[OK]' };
};

function runningConfig({ device }: CommandContext): string {
  const body = renderIosLikeConfig(device.running);
  return ['', 'Building configuration...', `Current configuration : ${body.join('\n').length + 5} bytes`, '', ...body, 'end', ''].join('\n');
}

export const ruijie: Persona = {
  dialect: 'ruijie',
  defaultHostname: 'Ruijie',
  defaultUsername: 'admin',
  login: { banner: '\n\nUser Access Verification\n\n', usernamePrompt: 'Username:', passwordPrompt: 'Password:', failure: '% Login invalid\n\n', welcome: '\n' },
  consoleWakeUp: () => '\n\nPress RETURN to get started.\n',
  pager: { prompt: ' --More-- ', eraser: '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) },
  defaultPageLength: 24,
  createDevice: (hostname, ports) => createIosLikeDevice('ruijie', BASE_CONFIG, hostname, 'version S8600E_RGOS 11.0(4)B8', ports),
  behaviour: createIosLikeBehaviour({
    hierarchy: new Hierarchy({ ...iosLikeHierarchy, interfaceNames: ['GigabitEthernet', 'TenGigabitEthernet', 'FastEthernet', 'Loopback', 'Mgmt', 'Tunnel', 'VLAN', 'AggregatePort'] }),
    defaultHostname: 'Ruijie',
    errors: {
      invalid: "% Invalid input detected at '^' marker.\n",
      incomplete: '% Incomplete command.\n',
      ambiguous: (typed) => `% Ambiguous command: "${typed}"`,
    },
    configureBanner: 'Enter configuration commands, one per line.  End with CNTL/Z.',
    enableFailure: '% Access denied.',
    user: {
      ...quietShowCommands,
      'show version': versionHandler(versionOutputs.ruijie),
      'terminal length *': pageLengthHandler(2),
      'terminal width *': () => ({ output: '' }),
      ...iosLikeCheckHandlers('ruijie'),
    },
    privileged: {
      'show running-config ...': runningConfig,
      'show startup-config': ({ device }) => ['', ...renderIosLikeConfig(device.startup), 'end', ''].join('\n'),
      write: buildingOk,
      'write memory': buildingOk,
      'copy running-config startup-config': buildingOk,
    },
  }),
};
