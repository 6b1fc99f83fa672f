import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApplyOptions, type DialectId, type PlannedLineView, type ProvisionSource } from '../../shared/contract';
import { profileDialects, type ProfileDefinition } from '../../shared/profiles/profileSchema';
import { DEFAULT_PROFILES_DIRECTORY, findProfile, importSiteSheet, loadProfileLibrary } from '../profiles';
import { personas } from '../simulator/personas';
import { applyProvision } from './applyProvision';
import type { ProvisionContext } from './context';
import { KNOWN_OUTCOMES, type KnownOutcome } from './libraryMatrixKnown';
import { planProvision } from './planning';
import { rollbackProvision } from './rollback';
import { openSimulatedLine, type SimulatedRig } from './testing/simulatedLine';

// Every library profile, for every dialect it declares, with its example site row
// (profiles/examples/<id>.csv) and made-up secrets, against a fresh in-process simulator of that
// dialect: plan, apply, save, re-plan to nothing, roll back by the reverse template and compare
// with the backup. Where a pair cannot end equal to the backup, libraryMatrixKnown.ts lists
// exactly what differs and why; nothing is skipped.

const library = await loadProfileLibrary();
const runsDir = mkdtempSync(join(tmpdir(), 'fieldkit-matrix-'));
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

/** An optional secret that is only sent together with another parameter (as library.test.ts). */
const SECRET_COMPANIONS: Record<string, string> = { tacacs_key: 'tacacs_server', sip_password_2: 'extension_2' };

interface Pair {
  profile: ProfileDefinition;
  dialect: DialectId;
  values: Record<string, string>;
}

async function examplePairs(): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const { profile } of library.profiles) {
    const sheet = await importSiteSheet(join(DEFAULT_PROFILES_DIRECTORY, 'examples', `${profile.id}.csv`));
    if (!sheet.ok) throw new Error(`${profile.id}.csv: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
    for (const dialect of profileDialects(profile)) {
      const row = Object.values(sheet.sites).find((values) => values.dialect === dialect);
      if (!row) throw new Error(`${profile.id}.csv has no ${dialect} row`);
      const { dialect: _dialect, ...cells } = row;
      // An empty cell is a value left out: the profile's default (or none) applies.
      const values = Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== ''));
      for (const declaration of profile.parameters) {
        const companion = SECRET_COMPANIONS[declaration.name];
        if (declaration.type === 'secret' && (companion === undefined || values[companion] !== undefined)) {
          values[declaration.name] = `Fk${randomBytes(5).toString('hex')}!`;
        }
      }
      pairs.push({ profile, dialect, values });
    }
  }
  return pairs;
}

/**
 * The hardware the site sheet names (WAN, management and voice ports), so the simulated box has
 * it from the factory as the real one would. Lab profiles name FRR's ports, not the vendor's.
 */
function sitePorts({ profile, dialect, values }: Pair): string[] {
  if (profile.id.startsWith('frr-')) return [];
  const interfaces = ['wan_interface', 'mgmt_interface', 'voice_interface'].flatMap((name) => (values[name] ? [`interface ${values[name]}`] : []));
  const voice = ['fxs_port_1', 'fxs_port_2'].flatMap((name) => (values[name] ? [`${dialect === 'comware' ? 'subscriber-line' : 'voice-port'} ${values[name]}`] : []));
  return [...interfaces, ...voice];
}

const shown = (line: PlannedLineView): string => [...line.path, line.text].join(' > ');

function contextFor(rig: SimulatedRig): ProvisionContext {
  return {
    line: rig.line,
    sessionId: 'matrix',
    target: rig.transport.description,
    runsDir,
    mask: (text) => rig.masker.mask(text),
    lookup: (id) => findProfile(library, id),
    addSecrets: (secrets) => secrets.forEach((secret) => rig.masker.add(secret)),
  };
}

const pairs = await examplePairs();
const defaults = ApplyOptions.parse({});

describe.each(pairs.map((pair) => ({ name: `${pair.profile.id} on the ${pair.dialect} simulator`, pair })))('$name', ({ pair }) => {
  const known: KnownOutcome = KNOWN_OUTCOMES[`${pair.profile.id}/${pair.dialect}`] ?? { reason: 'none: equals the backup' };

  it(`plans, applies, saves, re-plans and rolls back (known: ${known.reason})`, async () => {
    const persona = personas[pair.dialect];
    const rig = await openSimulatedLine(pair.dialect, persona.createDevice(persona.defaultHostname, sitePorts(pair)));
    try {
      const context = contextFor(rig);
      const source: ProvisionSource = { kind: 'profiles', profiles: [{ id: pair.profile.id, values: pair.values }], ignoreUndeclared: true };

      const plan = await planProvision(context, source);
      expect(plan.lines.length).toBeGreaterThan(0);

      const report = await applyProvision(context, source, defaults);
      expect(report.interrupted).toBeNull();
      if (known.refused !== undefined) {
        expect(report.failedLine?.text).toBe(known.refused);
      } else {
        expect(report.failedLine).toBeNull();
        expect(report.acknowledged).toBe(report.planned);
        expect(report.saved).toBe(true);
        const again = await planProvision(context, source);
        expect(again.lines.map(shown)).toEqual(known.replan ?? []);
      }

      const backup = readFileSync(report.backup ?? '', 'utf8');
      const rollback = await rollbackProvision(context, source, { backup, save: false });
      expect(rollback.available).toBe(true);
      expect(rollback.failedLine).toBeNull();
      // Masked here as the whole session would mask them: see `leaks` in libraryMatrixKnown.ts.
      const differences = JSON.parse(rig.masker.mask(JSON.stringify(rollback.differences))) as { missing: string[]; extra: string[] };
      expect([...differences.missing].sort()).toEqual([...(known.missing ?? [])].sort());
      expect([...differences.extra].sort()).toEqual([...(known.extra ?? [])].sort());
      expect(rollback.matchesBackup).toBe(known.missing === undefined && known.extra === undefined);
    } finally {
      rig.dispose();
    }
  });
});

describe('the known outcomes', () => {
  it('name only pairs of the matrix, each with a reason', () => {
    const names = new Set(pairs.map((pair) => `${pair.profile.id}/${pair.dialect}`));
    for (const [name, outcome] of Object.entries(KNOWN_OUTCOMES)) {
      expect(names.has(name), name).toBe(true);
      expect(outcome.reason.length, name).toBeGreaterThan(20);
    }
  });
});
