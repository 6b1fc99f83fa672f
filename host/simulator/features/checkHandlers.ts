import type { DialectId } from '../../../shared/contract';
import type { CommandHandler } from '../types';
import { iosIpsecSa, iosIsakmpSa, iosNtpStatus, iosSipRegisterStatus, ruijieInterfaceBrief } from './iosLikeOutputs';
import { junosIkeSa, junosIpsecSa, junosNtpStatus } from './junosOutputs';
import { pingRequest, renderPing } from './pingOutputs';
import { activeTunnels, ntpView, observeConfiguration, simulatePing } from './runtime';
import { comwareIkeSa, comwareInterfaceBrief, comwareIpsecSa, comwareNtpStatus, comwareSipRegisterStatus, vrpIkeSa, vrpInterfaceBrief, vrpIpInterfaceBrief, vrpIpsecSa, vrpNtpStatus } from './vrpLikeOutputs';

/**
 * Exec handlers for the check commands of `shared/checks/commands.ts` (and the interface tables
 * of `devicePlan.ts`), keyed by command shape. Each reads the running configuration through
 * `observeConfiguration`, so what it prints follows what was configured.
 */

const ping =
  (dialect: DialectId): CommandHandler =>
  ({ device, words }) => {
    const { rapid, ...request } = pingRequest(dialect, words);
    return renderPing(dialect, simulatePing(device, request), rapid);
  };

export function iosLikeCheckHandlers(dialect: 'ios' | 'maipu' | 'ruijie'): Record<string, CommandHandler> {
  return {
    'show ntp status': ({ device }) => iosNtpStatus(ntpView(device)),
    'show crypto isakmp sa': ({ device }) => iosIsakmpSa(activeTunnels(device)),
    'show crypto ipsec sa ...': ({ device }) => iosIpsecSa(activeTunnels(device)),
    'show sip-ua register status': ({ device }) => iosSipRegisterStatus(observeConfiguration(device).sip),
    'ping *': ping(dialect),
    ...(dialect === 'ruijie' ? { 'show ip interface brief': ({ device }) => ruijieInterfaceBrief(observeConfiguration(device).interfaces) } : {}),
  };
}

export function vrpLikeCheckHandlers(dialect: 'vrp' | 'comware'): Record<string, CommandHandler> {
  const vrp = dialect === 'vrp';
  return {
    'display ntp-service status': ({ device }) => (vrp ? vrpNtpStatus : comwareNtpStatus)(ntpView(device)),
    'display ike sa ...': ({ device }) => (vrp ? vrpIkeSa : comwareIkeSa)(activeTunnels(device)),
    'display ipsec sa ...': ({ device }) => (vrp ? vrpIpsecSa : comwareIpsecSa)(activeTunnels(device)),
    'display interface brief': ({ device }) => (vrp ? vrpInterfaceBrief : comwareInterfaceBrief)(observeConfiguration(device).interfaces),
    'display ip interface brief': ({ device }) => vrpIpInterfaceBrief(observeConfiguration(device).interfaces),
    'ping *': ping(dialect),
    ...(vrp ? { 'display ntp status': ({ device }) => vrpNtpStatus(ntpView(device)) } : { 'display voice sip register-status': ({ device }) => comwareSipRegisterStatus(observeConfiguration(device).sip) }),
  };
}

export function junosCheckHandlers(): Record<string, CommandHandler> {
  return {
    'show ntp status': ({ device }) => junosNtpStatus(ntpView(device)),
    'show security ike security-associations ...': ({ device }) => junosIkeSa(activeTunnels(device)),
    'show security ipsec security-associations ...': ({ device }) => junosIpsecSa(activeTunnels(device)),
    'ping *': ping('junos'),
  };
}
