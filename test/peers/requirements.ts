import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** A program the FRR harness runs, and the Debian 12 package that provides it. */
interface Requirement {
  path: string;
  debianPackage: string;
}

export const frrDirectory = '/usr/lib/frr';

export const programs = {
  vtysh: '/usr/bin/vtysh',
  socat: '/usr/bin/socat',
  // inetutils telnetd (Debian's "telnetd" package is a transitional package for it): -E runs our login.
  telnetd: '/usr/sbin/telnetd',
  ip: '/usr/sbin/ip',
  unshare: '/usr/bin/unshare',
  nsenter: '/usr/bin/nsenter',
  python3: '/usr/bin/python3',
  bash: '/bin/bash',
} as const;

export type FrrDaemon = 'zebra' | 'staticd' | 'bgpd' | 'ospfd';

function requirementsFor(daemons: readonly FrrDaemon[], withTelnetd: boolean): Requirement[] {
  const list: Requirement[] = [
    ...daemons.map((daemon) => ({ path: `${frrDirectory}/${daemon}`, debianPackage: 'frr' })),
    { path: programs.vtysh, debianPackage: 'frr' },
    { path: programs.socat, debianPackage: 'socat' },
    { path: programs.ip, debianPackage: 'iproute2' },
    { path: programs.unshare, debianPackage: 'util-linux' },
    { path: programs.nsenter, debianPackage: 'util-linux' },
    { path: programs.python3, debianPackage: 'python3' },
  ];
  if (withTelnetd) list.push({ path: programs.telnetd, debianPackage: 'telnetd' });
  return list;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Throws one error that names every missing piece and the apt-get line that fixes it. */
export function assertFrrRequirements(daemons: readonly FrrDaemon[], withTelnetd: boolean): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The FRR test peer must run as root: the daemons drop privileges to user frr, and the private network namespace needs unshare/nsenter.',
    );
  }
  const missing = requirementsFor(daemons, withTelnetd).filter((requirement) => !isExecutable(requirement.path));
  const problems = missing.map((requirement) => `missing ${requirement.path} (Debian package ${requirement.debianPackage})`);
  if (!userExists('frr')) problems.push('missing user frr (Debian package frr)');
  if (problems.length === 0) return;
  const packages = [...new Set([...missing.map((requirement) => requirement.debianPackage), 'frr'])];
  throw new Error(
    `The FRR test peer cannot start:\n  ${problems.join('\n  ')}\n` +
      `Install with: apt-get install -y ${packages.join(' ')}\n` +
      '(full set for the test suite: frr socat telnetd iproute2 util-linux python3)',
  );
}
