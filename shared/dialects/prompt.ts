import type { CompiledDialect } from './compile';
import type { ModeId } from './schema';

export interface PromptInfo {
  mode: ModeId;
  /** Host name as the prompt shows it (possibly truncated in config mode). */
  hostname: string;
  /** Config sub-mode, e.g. `config-if` (IOS), `GigabitEthernet0/0/1` (VRP), `interfaces ge-0/0/0` (Junos). */
  submode: string | null;
  /** The prompt text itself, without surrounding line breaks or trailing spaces. */
  prompt: string;
}

/**
 * Which mode a received prompt belongs to, or null if it is no prompt of this dialect. Takes any
 * prompt list: a dialect's, or auto-detection's rules for every dialect (identification.ts).
 */
export function identifyPrompt(dialect: Pick<CompiledDialect, 'prompts'>, text: string): PromptInfo | null {
  for (const rule of dialect.prompts) {
    const match = rule.regex.exec(text);
    if (!match) continue;
    const groups = match.groups ?? {};
    const hostname = groups['hostname'];
    if (hostname === undefined) continue;
    return {
      mode: rule.mode,
      hostname,
      submode: groups['submode'] ?? null,
      prompt: match[0].replace(/^[\r\n]+/, '').replace(/\s+$/, '').replace(/\r\n?/g, '\n'),
    };
  }
  return null;
}

export interface LearnedIdentity {
  hostname: string;
  submode: string | null;
}

/**
 * Merges what a new prompt shows with the host name known so far.
 * - IOS truncates long host names in config mode (DOMAIN.md §1 #3): a config prompt showing a
 *   strict prefix of the known name keeps the known name.
 * - VRP/Comware sub-views show `[R1-GigabitEthernet0/0/1]`: when the known name is followed by
 *   `-`, the rest is the sub-view.
 * Anything else is a new host name (after `hostname`/`sysname`, DOMAIN.md §1 #4). A config prompt
 * after renaming to a prefix of the old name is ambiguous until the next non-config prompt.
 */
export function reconcileIdentity(known: string | null, seen: PromptInfo): LearnedIdentity {
  if (seen.mode !== 'config' || known === null || known === seen.hostname) {
    return { hostname: seen.hostname, submode: seen.submode };
  }
  if (known.startsWith(seen.hostname)) {
    return { hostname: known, submode: seen.submode };
  }
  if (seen.submode === null && seen.hostname.startsWith(`${known}-`)) {
    return { hostname: known, submode: seen.hostname.slice(known.length + 1) };
  }
  return { hostname: seen.hostname, submode: seen.submode };
}
