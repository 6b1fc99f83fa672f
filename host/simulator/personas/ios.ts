import type { DialectId } from '../../../shared/contract';
import { addPorts, cloneTree, parseIndented, setLeaf } from '../configTree';
import { iosLikeCheckHandlers } from '../features/checkHandlers';
import { createRuntime } from '../features/runtime';
import { confirm, pageLengthHandler, saveNow, versionHandler } from '../families/commonCommands';
import { createIosLikeBehaviour } from '../families/iosLike';
import { iosLikeHierarchy, quietShowCommands, renderInterfaceBrief, renderIosLikeConfig } from '../families/iosLikeTables';
import { Hierarchy } from '../hierarchy';
import type { CommandContext, CommandHandler, Persona, Reply, SimulatedDevice } from '../types';
import { versionOutputs } from './versionOutputs';

/** IOSv 15.8 as shipped (the version output is from an IOSv, test/fixtures/version/ios-iosv.txt). */
const BASE_CONFIG = `
version 15.8
service timestamps debug datetime msec
service timestamps log datetime msec
no service password-encryption
boot-start-marker
boot-end-marker
no aaa new-model
ip cef
no ipv6 cef
interface GigabitEthernet0/0
 no ip address
 shutdown
 duplex auto
 speed auto
 media-type rj45
interface GigabitEthernet0/1
 no ip address
 shutdown
 duplex auto
 speed auto
 media-type rj45
interface GigabitEthernet0/2
 no ip address
 shutdown
 duplex auto
 speed auto
 media-type rj45
interface GigabitEthernet0/3
 no ip address
 shutdown
 duplex auto
 speed auto
 media-type rj45
ip forward-protocol nd
no ip http server
no ip http secure-server
line con 0
line aux 0
line vty 0 4
 login
 transport input none
`;

/**
 * Builds a device whose configuration starts with `hostname` after the `boot` markers, as IOS
 * orders it; `ports` get `portDefaults` (what the vendor shows for an unused port).
 */
export function createIosLikeDevice(
  dialect: DialectId,
  baseConfig: string,
  hostname: string,
  hostnameAfter: string | null,
  ports: readonly string[] = [],
  portDefaults: readonly string[] = [],
): SimulatedDevice {
  const running = parseIndented(baseConfig, /^!/);
  addPorts(running, ports, portDefaults);
  const index = hostnameAfter === null ? -1 : running.children.findIndex((node) => node.line === hostnameAfter);
  if (index >= 0) running.children.splice(index + 1, 0, { line: `hostname ${hostname}`, children: [] });
  else setLeaf(running, `hostname ${hostname}`);
  return { hostname, running, startup: cloneTree(running), candidate: null, runtime: createRuntime(dialect) };
}

function runningConfig({ device }: CommandContext): string {
  const body = renderIosLikeConfig(device.running);
  const bytes = body.join('\n').length + 5;
  return ['Building configuration...', '', `Current configuration : ${bytes} bytes`, '!', ...body, 'end', ''].join('\n');
}

function startupConfig({ device }: CommandContext): string {
  const body = [...renderIosLikeConfig(device.startup), 'end'];
  return [`Using ${body.join('\n').length} out of 262144 bytes`, '!', ...body, ''].join('\n');
}

const buildingOk = (context: CommandContext): Reply => {
  saveNow(context);
  return { output: 'Building configuration...\n[OK]' };
};

/** `copy running-config startup-config` asks for the destination; Enter takes the default (DOMAIN.md §2.0). */
const copyRunningStartup: CommandHandler = (context) => ({
  output: '',
  question: {
    prompt: 'Destination filename [startup-config]? ',
    answer: (line) => (line.trim() === '' || line.trim() === 'startup-config' ? buildingOk(context) : { output: `%Error opening flash:${line.trim()} (Permission denied)` }),
  },
});

/** `reload` asks to confirm; the simulator never reboots, so any answer ends the question. */
const reload: CommandHandler = () => ({
  output: '',
  question: confirm('Proceed with reload? [confirm]', {
    yes: /^$|^y/i,
    no: /^n/i,
    onYes: () => ({ output: '%Reload is not simulated; the configuration is kept.' }),
    onNo: () => ({ output: '' }),
    other: () => ({ output: '' }),
  }),
});

export const iosUser: Record<string, CommandHandler> = {
  ...quietShowCommands,
  'show version': versionHandler(versionOutputs.ios),
  'show clock': () => '*10:21:07.123 UTC Mon Mar 3 2025',
  'show ip interface brief': ({ device }) => renderInterfaceBrief(device.running),
  'show inventory': () => 'NAME: "IOSv", DESCR: "IOSv chassis, Hw Serial#: 991UCMIHG4UAJ1J010CQG, Hw Revision: 1.0"\nPID: IOSv              , VID: 1.0, SN: 991UCMIHG4UAJ1J010CQG',
  'terminal length *': pageLengthHandler(2),
  'terminal width *': () => ({ output: '' }),
  ...iosLikeCheckHandlers('ios'),
  'traceroute *': ({ words }) => `Type escape sequence to abort.\nTracing the route to ${words[1] ?? ''}\n  1 ${words[1] ?? ''} 1 msec 1 msec 1 msec`,
};

export const ios: Persona = {
  dialect: 'ios',
  defaultHostname: 'Router',
  defaultUsername: 'admin',
  login: {
    banner: '\n\nUser Access Verification\n\n',
    usernamePrompt: 'Username: ',
    passwordPrompt: 'Password: ',
    failure: '% Login invalid\n\n',
    welcome: '\n',
  },
  consoleWakeUp: (hostname) => `\n\n${hostname} con0 is now available\n\n\n\n\n\nPress RETURN to get started.\n`,
  pager: { prompt: ' --More-- ', eraser: '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) },
  defaultPageLength: 24,
  // An ISR's unused port (the examples name ISR 4000 ports): no address, shut, autonegotiating.
  createDevice: (hostname, ports) => createIosLikeDevice('ios', BASE_CONFIG, hostname, 'no service password-encryption', ports, ['no ip address', 'shutdown', 'negotiation auto']),
  behaviour: createIosLikeBehaviour({
    // IOSv lists these switched off (BASE_CONFIG), so a `no` leaves them shown.
    hierarchy: new Hierarchy({ ...iosLikeHierarchy, shownNegated: ['ip address', 'service password-encryption', 'aaa new-model', 'ip http server', 'ip http secure-server', 'ipv6 cef'] }),
    defaultHostname: 'Router',
    errors: {
      invalid: "% Invalid input detected at '^' marker.\n",
      incomplete: '% Incomplete command.\n',
      ambiguous: (typed) => `% Ambiguous command:  "${typed}"`,
    },
    configureBanner: 'Enter configuration commands, one per line.  End with CNTL/Z.',
    enableFailure: '% Bad secrets',
    user: iosUser,
    privileged: {
      'show running-config ...': runningConfig,
      'show startup-config': startupConfig,
      'write memory': buildingOk,
      write: buildingOk,
      'copy running-config startup-config': copyRunningStartup,
      'reload ...': reload,
    },
    configOutput: (line, device) =>
      line.startsWith('crypto key generate rsa')
        ? `The name for the keys will be: ${device.hostname}.local\n% The key modulus size is 2048 bits\n% Generating 2048 bit RSA keys, keys will be non-exportable...\n[OK] (elapsed time was 1 seconds)`
        : undefined,
  }),
};
