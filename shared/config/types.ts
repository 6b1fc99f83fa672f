import type { DialectId } from '../contract/device';

/**
 * One configuration line and, for a section (`interface eth1`, `router bgp 65001`), the lines
 * of its sub-mode. `text` is the line without its indentation or trailing whitespace.
 */
export interface ConfigNode {
  text: string;
  /** 0-based index of the line in the parsed text (or in the desired lines). */
  line: number;
  children: ConfigNode[];
  /**
   * The further lines of a delimited multi-line block (IOS `banner login ^C`), the closing
   * delimiter line included, kept as written (trailing whitespace removed). The block is one node.
   */
  block?: string[];
  /** The line that closed this section in the source (FRR `exit`, IOS `exit-address-family`, VRP `quit`). */
  closer?: { text: string; line: number };
}

export interface ConfigTree {
  dialect: DialectId;
  nodes: ConfigNode[];
}

/** A line to type in configuration mode, in order. */
export interface PlannedLine {
  /** The desired line as rendered (secrets in clear: it goes to the device only). */
  text: string;
  /**
   * Index of the line in the desired lines; `null` for a section exit the planner generated.
   * An exit the desired lines wrote themselves (`exit-address-family`) keeps its index.
   */
  sourceIndex: number | null;
  /** Section headers entered when the line is typed (an exit is typed inside its section). */
  path: string[];
}

export type DiffKind = 'context' | 'add' | 'remove';

/** One line of the readable diff. Secrets are masked in `text`. */
export interface DiffLine {
  kind: DiffKind;
  text: string;
  /** Section headers around the line (its depth is `path.length`). */
  path: string[];
}

export interface Plan {
  toSend: PlannedLine[];
  /** Desired lines found in the running configuration (secrets masked), in desired order. */
  alreadyPresent: string[];
  diff: DiffLine[];
}

export interface PlanOptions {
  /**
   * Extra masking for texts that leave the planner for display (diff, alreadyPresent), e.g. the
   * session's `SecretMasker.mask`. Opaque values of the dialect are always masked.
   */
  mask?: (text: string) => string;
  /**
   * Send lines with an opaque value even when their non-secret part is present (to rotate a
   * password or key). Off by default: re-applying a profile then sends nothing.
   */
  sendOpaqueValues?: boolean;
}
