import { z } from 'zod';
import { DialectId } from '../contract/device';

/**
 * A vendor CLI described as data (scrapli-style): prompts per mode, the mode graph, login and
 * failure strings, pagers, the save dialogue and the commands the session needs. Regular
 * expressions are kept as source strings so a dialect stays plain data; `compileDialect()`
 * turns them into RegExps once.
 */

/** Flags a rule may ask for. `g` and `y` are excluded: they make RegExps stateful. */
const RegexFlags = z.string().regex(/^[imsu]*$/, { message: 'only the flags i, m, s, u are allowed' });

function compiles(source: string, flags = ''): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

export const RegexSource = z.string().min(1).refine((source) => compiles(source), { message: 'not a valid regular expression' });

/**
 * Where a fact came from and how sure we are. `unverified: true` marks a keyword that
 * DOMAIN.md flags as unconfirmed (or that we inferred): confirm it on a device before relying on it.
 */
const Provenance = {
  note: z.string().optional(),
  unverified: z.boolean().optional(),
};

export const PatternRule = z
  .object({ pattern: RegexSource, flags: RegexFlags.optional(), ...Provenance })
  .refine((rule) => compiles(rule.pattern, rule.flags), { message: 'pattern does not compile with its flags' });
export type PatternRule = z.infer<typeof PatternRule>;

/**
 * Mode ids are roles, not vendor names: `privileged` is the exec level from which
 * configuration is entered (IOS `#`, VRP/Comware user view `<R1>`, Junos operational `>`);
 * `config` is any configuration level (IOS `(config…)#`, VRP `[R1…]`, Junos `[edit]`).
 */
export const ModeId = z.enum(['user', 'privileged', 'config']);
export type ModeId = z.infer<typeof ModeId>;

/**
 * A prompt of one mode. The pattern must match the prompt at the end of the received text, must
 * capture the host name as the named group `hostname` and may capture `submode`
 * (e.g. `config-if`). It must not contain a fixed host name: prompts are re-learned.
 */
export const PromptRule = z
  .object({ mode: ModeId, pattern: RegexSource, flags: RegexFlags.optional(), ...Provenance })
  .refine((rule) => rule.pattern.includes('(?<hostname>'), { message: 'a prompt pattern must capture (?<hostname>…)' });
export type PromptRule = z.infer<typeof PromptRule>;

/** One question of a dialogue and what to type back (sent as a line, with the line ending). */
export const DialogueStep = z.object({
  expect: RegexSource,
  answer: z.string(),
  ...Provenance,
});
export type DialogueStep = z.infer<typeof DialogueStep>;

/** One edge of the mode graph. `password: 'enableSecret'` = the device may ask for the enable secret. */
export const ModeEdge = z.object({
  from: ModeId,
  to: ModeId,
  command: z.string().min(1),
  password: z.literal('enableSecret').optional(),
  dialogue: z.array(DialogueStep).default([]),
  ...Provenance,
});
export type ModeEdge = z.infer<typeof ModeEdge>;

export const PagerRule = z.object({
  pattern: RegexSource,
  /** Keystrokes sent raw (no line ending added), e.g. a space for the next page. */
  answer: z.string().min(1),
  ...Provenance,
});

export const SaveProcedure = z.object({
  command: z.string().min(1),
  dialogue: z.array(DialogueStep).default([]),
  /** Output that proves the save worked, where the device prints one. */
  success: RegexSource.optional(),
  /** Product lines this variant is for, when a vendor has several (Maipu, DOMAIN.md §2.1). */
  appliesTo: z.string().optional(),
  ...Provenance,
});
export type SaveProcedure = z.infer<typeof SaveProcedure>;

export const CommandStep = z.object({ command: z.string().min(1), ...Provenance });

export const DialectDefinition = z
  .object({
    id: DialectId,
    displayName: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
    vendor: z.string().min(1),
    family: z.enum(['ios-like', 'vrp-like', 'junos']),
    /**
     * What Enter sends, when the dialect knows better than the connection's default. FRR's
     * readline takes CR LF as two Enters (tcp-first-bytes.txt); netmiko uses CR LF for Comware
     * and Ruijie over Telnet (DOMAIN.md §1 #19). A connection setting overrides it.
     */
    lineEnding: z.enum(['\r', '\n', '\r\n']).optional(),
    /** Tried in order; the first that matches names the mode. */
    prompts: z.array(PromptRule).min(1),
    /** Any prompt of this dialect, end-anchored: what a command waits for. */
    anyPrompt: RegexSource,
    modeGraph: z.array(ModeEdge),
    login: z.object({
      usernamePrompts: z.array(PatternRule).min(1),
      passwordPrompts: z.array(PatternRule).min(1),
      /** Text proving the credentials were refused. A re-asked password is detected by the session. */
      failures: z.array(PatternRule),
      /** Text asking for a key press before anything else happens (consoles). */
      wakeUp: z.array(PatternRule),
      /** Questions a device may ask during login, with the answer. */
      questions: z.array(DialogueStep).default([]),
    }),
    /** Text proving `enable` refused the secret. */
    enableFailures: z.array(PatternRule),
    /** Sent after login; a failure of any of them is ignored (FRR knows no `terminal width`). */
    pagingOff: z.array(CommandStep),
    pagers: z.array(PagerRule),
    config: z.object({ enter: z.string().min(1), leave: z.string().min(1) }),
    /** Device error text: a command whose output matches one of them is `failed`. Matched per line (`m`). */
    failures: z.array(PatternRule).min(1),
    /** The first entry is the default. */
    save: z.array(SaveProcedure).min(1),
    commands: z.object({ version: z.string().min(1), runningConfig: z.string().min(1) }),
    /** Keystrokes that erase a half-typed line (sent by `resync()`), where known. */
    clearLine: z.string().optional(),
    /**
     * Text that carries a secret in outputs (e.g. running configs), for the masker: capture group 1
     * (named `secret`) is the secret, per the contract in shared/secrets/configSecretPatterns.ts.
     */
    secretPatterns: z.array(PatternRule).default([]),
    notes: z.array(z.string()).default([]),
  })
  .superRefine((dialect, context) => {
    const modesWithPrompt = new Set(dialect.prompts.map((rule) => rule.mode));
    for (const edge of dialect.modeGraph) {
      for (const mode of [edge.from, edge.to]) {
        if (!modesWithPrompt.has(mode)) {
          context.addIssue({ code: 'custom', message: `mode graph uses "${mode}" but no prompt pattern names it`, path: ['modeGraph'] });
        }
      }
    }
    const enter = dialect.modeGraph.find((edge) => edge.to === 'config');
    if (!enter || enter.command !== dialect.config.enter) {
      context.addIssue({ code: 'custom', message: 'config.enter must be the command of the mode-graph edge into config', path: ['config', 'enter'] });
    }
    const leave = dialect.modeGraph.find((edge) => edge.from === 'config');
    if (!leave || leave.command !== dialect.config.leave) {
      context.addIssue({ code: 'custom', message: 'config.leave must be the command of the mode-graph edge out of config', path: ['config', 'leave'] });
    }
  });
export type DialectDefinition = z.infer<typeof DialectDefinition>;
/** What a dialect data file is written as (defaults not yet applied). */
export type DialectDefinitionInput = z.input<typeof DialectDefinition>;
