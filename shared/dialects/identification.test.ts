import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DialectId } from '../contract/device';
import { getCompiledDialect } from './compile';
import { classifyPrompt, decideDialect, familyMembers, identificationRules, type DialectFamily } from './identification';
import { identifyPrompt } from './prompt';

/** A golden version output (test/fixtures/version), without its source header. */
function fixture(name: string): string {
  const text = readFileSync(new URL(`../../test/fixtures/version/${name}`, import.meta.url), 'utf8');
  return text.slice(text.indexOf('\n# ---\n') + '\n# ---\n'.length);
}

describe('classifyPrompt: the family of a first prompt, most specific first', () => {
  it.each<{ text: string; family: DialectFamily | null; mode?: string; hostname?: string }>([
    { text: '\r\nadmin@Amnesiac> ', family: 'junos', mode: 'privileged', hostname: 'Amnesiac' },
    { text: '\r\n{master:0}\r\nlab@ex1> ', family: 'junos', mode: 'privileged', hostname: 'ex1' },
    { text: '\r\n[edit]\r\nlab@srx1# ', family: 'junos', mode: 'config', hostname: 'srx1' },
    { text: '\r\n<Huawei>', family: 'vrp-like', mode: 'privileged', hostname: 'Huawei' },
    { text: '\r\n<H3C>', family: 'vrp-like', mode: 'privileged', hostname: 'H3C' },
    { text: '\r\n[~CE6850-1]', family: 'vrp-like', mode: 'config', hostname: 'CE6850-1' },
    { text: '\r\nRouter>', family: 'ios-like', mode: 'user', hostname: 'Router' },
    { text: '\r\nr1# ', family: 'ios-like', mode: 'privileged', hostname: 'r1' },
    { text: '\r\nr1(config-if)# ', family: 'ios-like', mode: 'config', hostname: 'r1' },
    { text: '\r\n[V300R019C10SPC300]', family: null },
    { text: 'Username: ', family: null },
  ])('$text → $family', ({ text, family, mode, hostname }) => {
    const shape = classifyPrompt(text);
    if (family === null) {
      expect(shape).toBeNull();
      return;
    }
    expect(shape).toMatchObject({ family, info: { mode, hostname } });
  });

  it('finds the same prompts as the login rules, and each as its own family dialect reads it', () => {
    const rules = identificationRules();
    for (const text of ['\r\nadmin@r1> ', '\r\n<R1>', '\r\n[R1-GigabitEthernet0/0/1]', '\r\nr1>', '\r\nr1# ']) {
      const found = rules.anyPrompt.exec(text);
      expect(found?.[0].trim()).toBe(text.trim());
      const shape = classifyPrompt(text);
      expect(shape).not.toBeNull();
      expect(identifyPrompt(rules, text)).toEqual(shape?.info);
      for (const member of familyMembers(shape?.family ?? 'ios-like')) {
        expect(identifyPrompt(getCompiledDialect(member), text)?.mode).toBe(shape?.info.mode);
      }
    }
  });
});

describe('identificationRules: every dialect at once', () => {
  it('holds every dialect’s login failures, wake-up banners, questions and pagers, once each', () => {
    const rules = identificationRules();
    for (const id of DialectId.options) {
      const dialect = getCompiledDialect(id);
      const sources = (list: readonly RegExp[]) => list.map((regex) => regex.toString());
      expect(sources(rules.login.failures)).toEqual(expect.arrayContaining(sources(dialect.login.failures)));
      expect(sources(rules.login.wakeUp)).toEqual(expect.arrayContaining(sources(dialect.login.wakeUp)));
      expect(sources(rules.login.username)).toEqual(expect.arrayContaining(sources(dialect.login.username)));
      expect(sources(rules.login.password)).toEqual(expect.arrayContaining(sources(dialect.login.password)));
      expect(sources(rules.pagers.map((pager) => pager.pattern))).toEqual(expect.arrayContaining(sources(dialect.pagers.map((pager) => pager.pattern))));
      for (const question of dialect.login.questions) expect(rules.login.questions).toContainEqual(question);
    }
    const pagerSources = rules.pagers.map((pager) => pager.pattern.toString());
    expect(new Set(pagerSources).size).toBe(pagerSources.length);
  });

  it('gives every family member the same prompts, so one probe dialect stands for the family', () => {
    for (const family of ['ios-like', 'vrp-like', 'junos'] as const) {
      const [first, ...others] = familyMembers(family).map((id) => getCompiledDialect(id).definition.prompts.map((prompt) => `${prompt.mode} ${prompt.pattern}`));
      for (const other of others) expect(other).toEqual(first);
    }
  });
});

describe('decideDialect: greeting, prompt and version output → dialect', () => {
  const H3C_BANNER = '* Copyright (c) 2004-2015 Hangzhou H3C Tech. Co., Ltd. All rights reserved.  *\r\n\r\nLogin authentication\r\n\r\nUsername: ';
  const VRP_BANNER = 'Copyright (C) 2011-2020 HUAWEI TECH CO., LTD\r\n';

  it.each<{ name: string; family: DialectFamily; greeting: string; prompt: string; version?: string; dialect: DialectId | null }>([
    // Junos: the prompt decides; no command needed.
    { name: 'Junos user@host>', family: 'junos', greeting: '--- JUNOS 13.3R1.4 built\r\nadmin@Amnesiac> ', prompt: 'admin@Amnesiac>', dialect: 'junos' },
    { name: 'Junos without a banner', family: 'junos', greeting: 'admin@r1> ', prompt: 'admin@r1>', dialect: 'junos' },
    // VRP/Comware: the banner, else `display version`, else the factory name.
    { name: 'H3C banner', family: 'vrp-like', greeting: `${H3C_BANNER}tech\r\nPassword:\r\n<SW1>`, prompt: '<SW1>', dialect: 'comware' },
    { name: 'Huawei banner', family: 'vrp-like', greeting: `${VRP_BANNER}<R1>`, prompt: '<R1>', dialect: 'vrp' },
    { name: 'no banner, version not run yet', family: 'vrp-like', greeting: 'Login authentication\r\n\r\nUsername: tech\r\nPassword:\r\n<Huawei>', prompt: '<Huawei>', dialect: null },
    { name: 'no banner, <H3C> but not run yet', family: 'vrp-like', greeting: '\r\n<H3C>', prompt: '<H3C>', dialect: null },
    { name: 'VRP display version', family: 'vrp-like', greeting: '\r\n<R1>', prompt: '<R1>', version: fixture('vrp-ar6280.txt'), dialect: 'vrp' },
    { name: 'VRP8 display version', family: 'vrp-like', greeting: '\r\n<R1>', prompt: '<R1>', version: fixture('vrp-ne40e-x2-m8a.txt'), dialect: 'vrp' },
    { name: 'Comware 5 display version', family: 'vrp-like', greeting: '\r\n<R1>', prompt: '<R1>', version: fixture('comware-s7510e.txt'), dialect: 'comware' },
    { name: 'HPE Comware 7 display version', family: 'vrp-like', greeting: '\r\n<HPE>', prompt: '<HPE>', version: fixture('comware-5130-hi.txt'), dialect: 'comware' },
    { name: 'unreadable version, factory name', family: 'vrp-like', greeting: '\r\n<H3C>', prompt: '<H3C>', version: "% Unrecognized command found at '^' position.", dialect: 'comware' },
    { name: 'unreadable version, other name', family: 'vrp-like', greeting: '\r\n<R1>', prompt: '<R1>', version: '', dialect: 'vrp' },
    { name: 'Cisco banner words never overrule a <host> prompt', family: 'vrp-like', greeting: 'Cisco IOS Software\r\n<R1>', prompt: '<R1>', version: '', dialect: 'vrp' },
    // IOS-like: always `show version`.
    { name: 'IOS-like, version not run yet', family: 'ios-like', greeting: 'User Access Verification\r\n\r\nUsername: ', prompt: 'Router>', dialect: null },
    { name: 'Cisco IOS show version', family: 'ios-like', greeting: '', prompt: 'Router>', version: fixture('ios-iosv.txt'), dialect: 'ios' },
    { name: 'Cisco IOS-XE show version', family: 'ios-like', greeting: '', prompt: 'Router#', version: fixture('ios-c9500-40x.txt'), dialect: 'ios' },
    { name: 'Maipu show version', family: 'ios-like', greeting: '', prompt: 'Router>', version: fixture('maipu-mp3840.txt'), dialect: 'maipu' },
    { name: 'Ruijie show version', family: 'ios-like', greeting: '', prompt: 'Ruijie>', version: fixture('ruijie-s8607e.txt'), dialect: 'ruijie' },
    { name: 'FRR show version', family: 'ios-like', greeting: '', prompt: 'r1#', version: fixture('ios-frr-8.4.4.txt'), dialect: 'ios' },
    { name: 'unreadable show version', family: 'ios-like', greeting: '', prompt: 'r1#', version: '% Unknown command: show version', dialect: 'ios' },
    { name: 'a Huawei signature never overrules an IOS prompt', family: 'ios-like', greeting: '', prompt: 'r1#', version: fixture('vrp-ar6280.txt'), dialect: 'ios' },
  ])('$name → $dialect', ({ family, greeting, prompt, version, dialect }) => {
    const evidence = version === undefined ? { greeting, prompt } : { greeting, prompt, versionOutput: version };
    expect(decideDialect(family, evidence)).toBe(dialect);
  });

  it('recognises every golden version output within its own family', () => {
    const directory = new URL('../../test/fixtures/version/', import.meta.url);
    const names = readdirSync(directory).filter((name) => name.endsWith('.txt'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const dialect = DialectId.parse(name.split('-')[0]);
      const family = getCompiledDialect(dialect).definition.family;
      expect(decideDialect(family, { greeting: '', prompt: '', versionOutput: fixture(name) }), name).toBe(dialect);
    }
  });
});
