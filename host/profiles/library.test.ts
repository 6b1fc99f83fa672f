import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DialectId } from '../../shared/contract/device';
import { profileDialects, type ProfileDefinition } from '../../shared/profiles/profileSchema';
import { renderProfile } from '../../shared/profiles/renderProfile';
import { createTemplateEngine } from '../../shared/profiles/templateEngine';
import { maskParameterValues } from '../../shared/profiles/validateParameters';
import { importSiteSheet } from './importSiteSheet';
import { DEFAULT_PROFILES_DIRECTORY, loadProfileLibrary, type ProfileLibrary } from './loadProfileLibrary';

// The whole shipped library, rendered for every dialect each profile declares with the example
// site rows in profiles/examples/<id>.csv. Site sheets hold no secrets (they live in the
// keystore), so each run makes up its own secret values here.

interface ExampleRow {
  site: string;
  dialect: DialectId;
  values: Record<string, string>;
}

/** An optional secret that is only needed together with another parameter. */
const SECRET_COMPANIONS: Record<string, string> = { tacacs_key: 'tacacs_server', sip_password_2: 'extension_2' };
const CJK = /[\u4e00-\u9fff]/;
const NEGATION = /^(?:no|undo|delete) /;

let library: ProfileLibrary;
const examples = new Map<string, ExampleRow[]>();

beforeAll(async () => {
  library = await loadProfileLibrary();
  for (const { profile } of library.profiles) {
    const sheet = await importSiteSheet(join(DEFAULT_PROFILES_DIRECTORY, 'examples', `${profile.id}.csv`));
    if (!sheet.ok) throw new Error(`${profile.id}.csv: ${sheet.problems.map((problem) => problem.message.en).join('; ')}`);
    examples.set(
      profile.id,
      Object.entries(sheet.sites).map(([site, row]) => {
        const { dialect, ...values } = row;
        return { site, dialect: dialect as DialectId, values };
      }),
    );
  }
});

function madeUpSecret(): string {
  return `Fk${randomBytes(5).toString('hex')}!`;
}

/** The example row plus made-up values for its secrets. */
function withSecrets(profile: ProfileDefinition, row: ExampleRow): Record<string, string> {
  const values = { ...row.values };
  for (const declaration of profile.parameters) {
    if (declaration.type !== 'secret') continue;
    const companion = SECRET_COMPANIONS[declaration.name];
    if (companion === undefined || values[companion] !== undefined) values[declaration.name] = madeUpSecret();
  }
  return values;
}

function render(profile: ProfileDefinition, row: ExampleRow, direction: 'apply' | 'reverse', values = withSecrets(profile, row)): string[] {
  const result = renderProfile(profile, row.dialect, values, { direction });
  if (!result.ok) throw new Error(`${profile.id}/${row.site}/${row.dialect} ${direction}: ${result.problems.map((problem) => problem.message.en).join('; ')}`);
  return result.lines;
}

const words = (line: string): string[] => line.trim().split(/\s+/);

/**
 * Every reverse line undoes or re-enters something apply wrote: a negation (no, undo, delete)
 * whose words all occur in one apply line (`no crypto map CMAP-HUB 10` ← `crypto map CMAP-HUB 10 ipsec-isakmp`),
 * a section header apply also wrote (`interface X`), or the positive form of a line apply
 * negated (`ip http server` ← `no ip http server`, `ftp server enable` ← `undo ftp server`).
 */
function unmatchedReverseLines(apply: string[], reverse: string[]): string[] {
  const applied = apply.map((line) => line.trim());
  return reverse.filter((line) => {
    const trimmed = line.trim();
    if (applied.includes(trimmed)) return false;
    if (NEGATION.test(trimmed)) {
      const rest = words(trimmed.replace(NEGATION, ''));
      return !applied.some((candidate) => rest.every((word) => words(candidate).includes(word)));
    }
    const present = words(trimmed);
    return !applied.some((candidate) => NEGATION.test(candidate) && words(candidate.replace(NEGATION, '')).every((word) => present.includes(word)));
  });
}

function profile(id: string): ProfileDefinition {
  const found = library.profiles.find((entry) => entry.profile.id === id)?.profile;
  if (!found) throw new Error(`profile ${id} is missing`);
  return found;
}

function rows(id: string, dialect?: DialectId): ExampleRow[] {
  return (examples.get(id) ?? []).filter((row) => dialect === undefined || row.dialect === dialect);
}

function firstRow(id: string, dialect: DialectId): ExampleRow {
  const row = rows(id, dialect)[0];
  if (!row) throw new Error(`${id}.csv has no ${dialect} row`);
  return row;
}

describe('the profile library', () => {
  it('loads every profile without problems', () => {
    expect(library.problems).toEqual([]);
    expect(library.profiles.map((entry) => entry.profile.id)).toEqual([
      'aaa-local-users', 'base-management', 'base-system', 'frr-mpls-ce', 'frr-ospf-tunnel', 'frr-static-mgmt', 'ipsec-policy-hub',
      'ipsec-tunnel-ospf', 'login-banner', 'mpls-ce-ebgp', 'services-off', 'sip-fxs-gateway', 'snmpv3', 'ssh-management',
    ]);
  });

  it('has an example row for exactly the dialects each profile declares', () => {
    for (const { profile: entry } of library.profiles) {
      expect([...new Set(rows(entry.id).map((row) => row.dialect))].sort(), entry.id).toEqual([...profileDialects(entry)].sort());
    }
  });

  it('renders apply and reverse for every example row, with the secrets used and maskable', () => {
    for (const { profile: entry } of library.profiles) {
      for (const row of rows(entry.id)) {
        const where = `${entry.id}/${row.dialect}`;
        const values = withSecrets(entry, row);
        const apply = render(entry, row, 'apply', values);
        const reverse = render(entry, row, 'reverse', values);
        expect(apply.length, where).toBeGreaterThan(0);
        expect(reverse.length, where).toBeGreaterThan(0);
        expect([...apply, ...reverse].filter((line) => /\{\{|\{%|null|undefined/.test(line)), where).toEqual([]);
        const secrets = entry.parameters.filter((declaration) => declaration.type === 'secret' && values[declaration.name] !== undefined);
        for (const secret of secrets) expect(apply.some((line) => line.includes(values[secret.name] ?? '')), `${where} uses ${secret.name}`).toBe(true);
        const masked = JSON.stringify(maskParameterValues(entry, values));
        expect(secrets.filter((secret) => masked.includes(values[secret.name] ?? '')), where).toEqual([]);
      }
    }
  });

  it('writes reverse lines that undo or re-enter what apply wrote', () => {
    for (const { profile: entry } of library.profiles) {
      for (const row of rows(entry.id)) {
        const values = withSecrets(entry, row);
        expect(unmatchedReverseLines(render(entry, row, 'apply', values), render(entry, row, 'reverse', values)), `${entry.id}/${row.dialect}`).toEqual([]);
      }
    }
  });

  it('lists only unverified keywords that its templates send, and marks Maipu and Ruijie', () => {
    for (const { profile: entry } of library.profiles) {
      for (const note of entry.unverified ?? []) {
        const [dialect, keyword] = note.split(/: (.*)/s) as [DialectId, string];
        expect(profileDialects(entry), `${entry.id}: ${note}`).toContain(dialect);
        const sent = rows(entry.id, dialect).flatMap((row) => [...render(entry, row, 'apply'), ...render(entry, row, 'reverse')]);
        expect(sent.some((line) => line.includes(keyword)), `${entry.id}: ${note}`).toBe(true);
      }
      for (const dialect of ['maipu', 'ruijie'] as const) {
        if (entry.templates[dialect]) expect(entry.unverified?.some((note) => note.startsWith(`${dialect}: `)), `${entry.id} ${dialect}`).toBe(true);
      }
    }
  });

  it('renders every check parameter from the example values', () => {
    const engine = createTemplateEngine();
    for (const { profile: entry } of library.profiles) {
      expect(entry.checks.length, entry.id).toBeGreaterThan(0);
      for (const row of rows(entry.id)) {
        const values = renderProfile(entry, row.dialect, withSecrets(entry, row));
        if (!values.ok) throw new Error(entry.id);
        for (const check of entry.checks) {
          for (const [key, template] of Object.entries(check.params)) {
            if (typeof template !== 'string') continue;
            const text = String(engine.parseAndRenderSync(template, { ...values.values }));
            expect(text, `${entry.id}.${check.id}.${key}`).toMatch(/^[0-9A-Za-z./,: -]+$/);
          }
        }
      }
    }
  });

  it('has Chinese and English texts for every name, description, label and check title', () => {
    for (const { profile: entry } of library.profiles) {
      const texts = [entry.name, entry.description, ...entry.parameters.map((declaration) => declaration.label), ...entry.checks.map((check) => check.title)];
      for (const text of texts) {
        expect(text['zh-CN'], entry.id).toMatch(CJK);
        expect(text.en, entry.id).not.toMatch(CJK);
      }
    }
  });

  it('types parameters strictly by what they hold', () => {
    const expected: [RegExp, string][] = [
      [/password|psk|_key$|secret/, 'secret'],
      [/_(address|server|gateway|host|target)$|^router_id$/, 'ipv4'],
      [/_(lan|prefix|network)$/, 'ipv4-prefix'],
      [/_interface$/, 'interface'],
      [/_as$/, 'asn'],
      [/^extension_/, 'phone'],
    ];
    for (const { profile: entry } of library.profiles) {
      for (const declaration of entry.parameters) {
        const rule = expected.find(([pattern]) => pattern.test(declaration.name));
        if (rule) expect(declaration.type, `${entry.id}.${declaration.name}`).toBe(rule[1]);
      }
    }
  });
});

describe('profile behaviour', () => {
  it('removes the crypto binding on the WAN interface before anything else', () => {
    const entry = profile('ipsec-policy-hub');
    for (const row of rows(entry.id)) {
      const reverse = render(entry, row, 'reverse');
      expect(reverse[0], row.dialect).toBe(`interface ${row.values.wan_interface ?? ''}`);
      expect(reverse[1], row.dialect).toMatch(/^ (?:no crypto map|undo ipsec (?:apply )?policy)/);
    }
  });

  it('keeps a delimiter typed in the organisation name from ending the banner early', () => {
    const entry = profile('login-banner');
    for (const dialect of profileDialects(entry)) {
      const row = firstRow(entry.id, dialect);
      const lines = render(entry, row, 'apply', { organisation: '临潼区 ^ 50% 授权' });
      const delimiter = dialect === 'vrp' || dialect === 'comware' ? '%' : '^';
      expect(lines.filter((line) => line === delimiter), dialect).toHaveLength(1);
      expect(lines[lines.length - 1], dialect).toBe(delimiter);
      expect(lines, dialect).toHaveLength(5);
    }
  });

  it('writes the OSPF area in dotted form where VRP and Comware show it so', () => {
    const entry = profile('ipsec-tunnel-ospf');
    const row = firstRow(entry.id, 'vrp');
    expect(render(entry, row, 'apply')).toContain(' area 0.0.0.61');
    const large = render(entry, row, 'apply', { ...withSecrets(entry, row), ospf_area: '70000' });
    expect(large).toContain(' area 0.1.17.112');
    expect(render(entry, firstRow(entry.id, 'ios'), 'apply')).toContain(' network 10.61.8.0 0.0.3.255 area 0');
  });

  it('sends the BGP session password only when one is given', () => {
    const entry = profile('mpls-ce-ebgp');
    const row = firstRow(entry.id, 'ios');
    expect(render(entry, row, 'apply', row.values).some((line) => line.includes(' password '))).toBe(false);
    expect(render(entry, row, 'apply').filter((line) => line.startsWith(' neighbor 192.0.2.1 password '))).toHaveLength(1);
  });

  it('refuses a TACACS+ server without its key instead of rendering half a block', () => {
    const entry = profile('aaa-local-users');
    const row = firstRow(entry.id, 'ios');
    const values = { ...withSecrets(entry, row) };
    delete values.tacacs_key;
    const result = renderProfile(entry, 'ios', values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => problem.parameter)).toEqual(['tacacs_key']);
  });

  it('offers voice only where its keywords are known', () => {
    const entry = profile('sip-fxs-gateway');
    expect(profileDialects(entry)).toEqual(['ios', 'comware']);
    const result = renderProfile(entry, 'maipu', firstRow(entry.id, 'ios').values);
    expect(result.ok ? [] : result.problems.map((problem) => problem.code)).toEqual(['dialect-not-supported']);
    const ios = render(entry, firstRow(entry.id, 'ios'), 'apply');
    expect(ios).toEqual(expect.arrayContaining([' cptone CN', ' codec g711alaw']));
    expect(ios.filter((line) => line.startsWith(' credentials username '))).toHaveLength(2);
  });

  it('keeps the lab profiles to what FRR understands', () => {
    for (const id of ['frr-mpls-ce', 'frr-ospf-tunnel', 'frr-static-mgmt']) {
      const entry = profile(id);
      expect(profileDialects(entry), id).toEqual(['ios']);
      const lines = [...render(entry, firstRow(id, 'ios'), 'apply'), ...render(entry, firstRow(id, 'ios'), 'reverse')];
      expect(lines.filter((line) => /^\s*(?:no )?(?:crypto|ntp|snmp|voice|dial-peer|sip-ua|clock|banner)\b/.test(line)), id).toEqual([]);
    }
  });
});
