import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PROFILES_DIRECTORY, findProfile, importSiteSheet, loadProfileLibrary } from '../../host/profiles';
import { renderProfile } from '../../shared/profiles/renderProfile';
import type { ProfileDefinition } from '../../shared/profiles/profileSchema';
import { attachFrr } from '../peers/frr';

// The lab profiles (profiles/lab/) pushed into the shared real FRR 8.4 peer: every apply line
// must be accepted and show up in `show running-config`, and the reverse lines must take every
// one of them out again, so the next test file finds the router as it was.
const frr = inject('frr');
const shell = attachFrr({ stateDir: frr.stateDir, secrets: [frr.vtyPassword, frr.enablePassword, frr.loginPassword] });

const LAB_PROFILES = ['frr-mpls-ce', 'frr-ospf-tunnel', 'frr-static-mgmt'] as const;

/** Lines that close a section: FRR prints them for every section, so they stay after a reverse. */
const CLOSERS = /^(?:exit|exit-address-family)$/;

/** The ios row of profiles/examples/<id>.csv, without the `dialect` column. */
async function exampleValues(id: string): Promise<Record<string, string>> {
  const sheet = await importSiteSheet(join(DEFAULT_PROFILES_DIRECTORY, 'examples', `${id}.csv`));
  if (!sheet.ok) throw new Error(`${id}.csv: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
  const row = Object.values(sheet.sites).find((values) => values.dialect === 'ios');
  if (!row) throw new Error(`${id}.csv has no ios row`);
  const { dialect: _dialect, ...values } = row;
  return values;
}

async function rendered(profile: ProfileDefinition, direction: 'apply' | 'reverse'): Promise<string[]> {
  const result = renderProfile(profile, 'ios', await exampleValues(profile.id), { direction });
  if (!result.ok) throw new Error(`${profile.id} ${direction}: ${result.problems.map((problem) => problem.message.en).join('; ')}`);
  return result.lines;
}

async function runningLines(): Promise<Set<string>> {
  const text = await shell.vtysh('show running-config');
  return new Set(text.split('\n').map((line) => line.trim()));
}

const loaded = await loadProfileLibrary();
const reverses: string[][] = [];

afterAll(async () => {
  // Leaves the shared peer clean even when an assertion failed half-way; errors here are
  // expected when the reverse already ran (FRR refuses to remove what is not there).
  for (const lines of reverses) await shell.vtysh(['configure terminal', ...lines]).catch(() => undefined);
});

describe.each(LAB_PROFILES)('lab profile %s on FRR', (id) => {
  it('is applied line by line, shows in the running configuration, and reverses cleanly', async () => {
    const profile = findProfile(loaded, id);
    if (!profile) throw new Error(`profile ${id} is missing from the library`);
    const apply = await rendered(profile, 'apply');
    const reverse = await rendered(profile, 'reverse');
    reverses.push(reverse);
    const configured = apply.map((line) => line.trim()).filter((line) => !CLOSERS.test(line));

    const before = await runningLines();
    expect(configured.filter((line) => before.has(line)), 'already configured before apply').toEqual([]);

    // vtysh exits non-zero, and the call rejects, when FRR refuses any line.
    await shell.vtysh(['configure terminal', ...apply]);
    const applied = await runningLines();
    expect(configured.filter((line) => !applied.has(line)), 'missing after apply').toEqual([]);

    await shell.vtysh(['configure terminal', ...reverse]);
    const reversed = await runningLines();
    expect(configured.filter((line) => reversed.has(line)), 'left over after reverse').toEqual([]);
    expect([...reversed].sort()).toEqual([...before].sort());
  });
});
