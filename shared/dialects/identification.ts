import type { DialectId } from '../contract/device';
import { detectDialect } from '../parsers';
import { getCompiledDialect, type CompiledDialect, type CompiledDialogueStep, type CompiledPagerRule, type CompiledPrompt } from './compile';
import { JUNOS_OPERATIONAL_WITH_USER } from './patterns';
import { identifyPrompt, type PromptInfo } from './prompt';
import { dialects } from './registry';
import type { DialectDefinition } from './schema';

export type DialectFamily = DialectDefinition['family'];

/** What the login state machine needs of a dialect (host/session/login.ts); a `CompiledDialect` is one. */
export type LoginRules = Pick<CompiledDialect, 'login' | 'anyPrompt' | 'prompts'>;

/** Login rules for a device whose dialect is not known yet (`dialect: 'auto'`). */
export interface IdentificationRules extends LoginRules {
  /** Every dialect's pager prompts: the version command may run before any paging-off. */
  readonly pagers: readonly CompiledPagerRule[];
}

export interface PromptShape {
  family: DialectFamily;
  /** The dialect whose prompts and version command stand for the family until it is decided. */
  probe: DialectId;
  info: PromptInfo;
}

interface FamilyPrompts {
  family: DialectFamily;
  probe: DialectId;
  prompts: readonly CompiledPrompt[];
}

/**
 * Prompt shapes per family, most specific first (DOMAIN.md §1 #16): Junos `user@host>` and
 * `[edit]`, then the VRP/Comware views `<host>` / `[host]`, then IOS-like `host>` / `host#`,
 * which would also match a Junos prompt. Within a family every dialect has the same prompts
 * (dialects.test.ts and identification.test.ts check it), so the probe dialect's stand for all.
 */
function familyPrompts(): readonly FamilyPrompts[] {
  cachedFamilies ??= buildFamilyPrompts();
  return cachedFamilies;
}

let cachedFamilies: readonly FamilyPrompts[] | undefined;

function buildFamilyPrompts(): readonly FamilyPrompts[] {
  const junos = getCompiledDialect('junos');
  return [
    {
      family: 'junos',
      probe: 'junos',
      prompts: [...junos.prompts.filter((prompt) => prompt.mode === 'config'), { mode: 'privileged', regex: new RegExp(JUNOS_OPERATIONAL_WITH_USER) }],
    },
    { family: 'vrp-like', probe: 'vrp', prompts: getCompiledDialect('vrp').prompts },
    { family: 'ios-like', probe: 'ios', prompts: getCompiledDialect('ios').prompts },
  ];
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const byRegex = (regex: RegExp): string => regex.toString();

function buildIdentificationRules(): IdentificationRules {
  const all = (Object.keys(dialects) as DialectId[]).map((id) => getCompiledDialect(id));
  const families = familyPrompts();
  const questionKey = (step: CompiledDialogueStep): string => `${byRegex(step.expect)}→${step.answer}`;
  return Object.freeze({
    prompts: families.flatMap((family) => family.prompts),
    anyPrompt: new RegExp(families.map((family) => `(?:${getCompiledDialect(family.probe).anyPrompt.source})`).join('|')),
    login: {
      username: unique(all.flatMap((dialect) => dialect.login.username), byRegex),
      password: unique(all.flatMap((dialect) => dialect.login.password), byRegex),
      failures: unique(all.flatMap((dialect) => dialect.login.failures), byRegex),
      wakeUp: unique(all.flatMap((dialect) => dialect.login.wakeUp), byRegex),
      questions: unique(all.flatMap((dialect) => dialect.login.questions), questionKey),
    },
    pagers: unique(all.flatMap((dialect) => dialect.pagers), (pager) => byRegex(pager.pattern)),
  });
}

let cachedRules: IdentificationRules | undefined;

/**
 * Every dialect's login rules at once: username/password prompts, failure strings, wake-up
 * banners and login questions of all vendors, and all their prompts in the specific-first order
 * of `classifyPrompt`. Login with these ends at whichever dialect's prompt appears. Shared and
 * immutable.
 */
export function identificationRules(): IdentificationRules {
  cachedRules ??= buildIdentificationRules();
  return cachedRules;
}

/** The family a first prompt belongs to, tried most specific first; null when it is no known prompt. */
export function classifyPrompt(text: string): PromptShape | null {
  for (const { family, probe, prompts } of familyPrompts()) {
    const info = identifyPrompt({ prompts }, text);
    if (info) return { family, probe, info };
  }
  return null;
}

/** The dialects of a family, in registry order. */
export function familyMembers(family: DialectFamily): DialectId[] {
  return (Object.keys(dialects) as DialectId[]).filter((id) => dialects[id].family === family);
}

export interface IdentificationEvidence {
  /** Text received from connecting to the first prompt: banners, login prompts, the prompt. */
  greeting: string;
  /** The first prompt, as `classifyPrompt` read it. */
  prompt: string;
  /** What the family's version command printed, once it has run. */
  versionOutput?: string;
}

/**
 * The dialect of a device whose first prompt is of `family`, or null when the version command's
 * output is needed to decide (run the probe dialect's `commands.version`, then ask again):
 * - `junos`: the `user@host>` prompt is Junos's alone.
 * - `vrp-like`: a Huawei or H3C signature in the banner; failing that, in `display version`
 *   (both vendors know it); failing that, the factory name `<H3C>` says Comware, any other VRP.
 * - `ios-like`: IOS, Maipu and Ruijie share prompts and banners (`User Access Verification`), so
 *   `show version` decides; FRR's (`FRRouting …`) and anything unrecognised stay `ios`.
 * A signature of another family is ignored: the prompt's family is never overruled.
 */
export function decideDialect(family: DialectFamily, evidence: IdentificationEvidence): DialectId | null {
  const members = familyMembers(family);
  const within = (id: DialectId | null): DialectId | null => (id !== null && members.includes(id) ? id : null);
  const signature = (text: string): DialectId | null => within(detectDialect(text, { promptShapes: false }));
  switch (family) {
    case 'junos':
      return 'junos';
    case 'vrp-like': {
      const fromBanner = signature(evidence.greeting);
      if (fromBanner) return fromBanner;
      if (evidence.versionOutput === undefined) return null;
      return signature(evidence.versionOutput) ?? within(detectDialect(evidence.prompt)) ?? 'vrp';
    }
    case 'ios-like':
      if (evidence.versionOutput === undefined) return null;
      return signature(evidence.versionOutput) ?? 'ios';
  }
}
