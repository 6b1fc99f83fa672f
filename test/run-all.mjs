#!/usr/bin/env node
// `npm test`: checks the system programs the real-peer and browser tests need (installing
// them with apt-get when running as root), then runs every check in order, streaming output,
// and stops at the first failure. Ends with a summary table and "N passed, M failed".
import { spawnSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Each requirement: how to tell it is present, and the Debian 12 package that provides it. */
const requirements = [
  ...['zebra', 'staticd', 'bgpd', 'ospfd'].map((daemon) => ({ what: `/usr/lib/frr/${daemon}`, debianPackage: 'frr' })),
  { what: '/usr/bin/vtysh', debianPackage: 'frr' },
  { what: '/usr/bin/socat', debianPackage: 'socat' },
  { what: '/usr/sbin/telnetd', debianPackage: 'telnetd' },
  { what: '/usr/sbin/ip', debianPackage: 'iproute2' },
  { what: '/usr/bin/ping', debianPackage: 'iputils-ping' },
  { what: '/usr/bin/unshare', debianPackage: 'util-linux' },
  { what: '/usr/bin/nsenter', debianPackage: 'util-linux' },
  { what: '/usr/bin/python3', debianPackage: 'python3' },
  { what: '/usr/bin/chromium', debianPackage: 'chromium' },
  { what: '/usr/sbin/sshd', debianPackage: 'openssh-server' },
  { what: '/usr/bin/pdftotext', debianPackage: 'poppler-utils' },
  { what: 'a CJK font (fc-list :lang=zh)', debianPackage: 'fonts-wqy-microhei', present: hasChineseFont },
];

/** The whole set, for the message shown when we may not install. */
const allPackages =
  'frr socat telnetd iproute2 iputils-ping util-linux python3 chromium fonts-wqy-microhei openssh-server poppler-utils';

const steps = [
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'] },
  { name: 'unit', command: 'npx', args: ['vitest', 'run', '--project', 'unit'] },
  { name: 'integration', command: 'npx', args: ['vitest', 'run', '--project', 'integration'] },
  { name: 'e2e', command: 'npm', args: ['run', 'test:e2e'] },
];

const childEnvironment = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasChineseFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

function missingPackages() {
  const missing = requirements.filter((requirement) => !(requirement.present ?? (() => isExecutable(requirement.what)))());
  for (const requirement of missing) console.log(`run-all: missing ${requirement.what} (Debian package ${requirement.debianPackage})`);
  return [...new Set(missing.map((requirement) => requirement.debianPackage))];
}

function isRoot() {
  return process.getuid?.() === 0;
}

function installPackages(packages) {
  const environment = { ...childEnvironment, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    console.log(`run-all: apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: environment });
    if (result.status !== 0) return false;
  }
  return true;
}

function ensurePrerequisites() {
  if (!isRoot()) {
    console.error('run-all: the integration tests run FRR in a private network namespace and must run as root (sudo npm test).');
  }
  const missing = missingPackages();
  if (missing.length === 0 && isRoot()) return true;
  if (missing.length === 0) return false;
  if (!isRoot()) {
    console.error(`run-all: install the missing packages as root:\n  apt-get update && apt-get install -y ${missing.join(' ')}`);
    console.error(`run-all: (the full set: ${allPackages})`);
    return false;
  }
  if (!installPackages(missing)) {
    console.error(`run-all: apt-get failed; install by hand: apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  const stillMissing = missingPackages();
  if (stillMissing.length > 0) console.error(`run-all: still missing after apt-get: ${stillMissing.join(' ')}`);
  return stillMissing.length === 0;
}

function runStep(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'inherit', 'inherit'], env: childEnvironment });
    child.once('error', (error) => {
      console.error(`run-all: could not start ${step.command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

function printSummary(results) {
  const width = Math.max(...steps.map((step) => step.name.length)) + 2;
  console.log(`\n${'step'.padEnd(width)}${'result'.padEnd(17)}seconds`);
  for (const step of steps) {
    const result = results.get(step.name);
    const outcome = result === undefined ? 'skipped' : result.code === 0 ? 'passed' : `failed (exit ${result.code})`;
    const seconds = result === undefined ? '-' : (result.milliseconds / 1000).toFixed(1);
    console.log(`${step.name.padEnd(width)}${outcome.padEnd(17)}${seconds}`);
  }
}

async function main() {
  if (!ensurePrerequisites()) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const results = new Map();
  for (const step of steps) {
    console.log(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}`);
    const started = Date.now();
    const code = await runStep(step);
    results.set(step.name, { code, milliseconds: Date.now() - started });
    if (code !== 0) break;
  }
  printSummary(results);
  const passed = [...results.values()].filter((result) => result.code === 0).length;
  const failed = results.size - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

await main();
