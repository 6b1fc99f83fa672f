/**
 * Regex source fragments shared by dialect data files. Every prompt pattern is anchored at the
 * end of the received text and at a line start, so a prompt split across reads is matched only
 * once complete, and host names are generic (re-learned after `hostname`/`sysname`, DOMAIN.md §1 #4).
 */

/** Start of a line in received text (the channel may keep CR, LF or both). */
export const LINE_START = '(?:^|[\\r\\n])';
/** Spaces a device prints after the prompt character (`r1# ` on FRR). */
export const PROMPT_END = '[ \\t]*$';

/**
 * An IOS-like host name as shown in a prompt: scrapli's class (`[a-z0-9.\-_@()/:]`) minus the
 * parentheses, which belong to the mode marker. Config-mode prompts of long host names are
 * truncated by IOS (`THIS.IS.A.PARTICULAR(config)#`, DOMAIN.md §1 #3); the class accepts any prefix.
 */
const IOS_HOST = '[\\w.\\-@/:+]{1,63}';
const IOS_SUBMODE = '[\\w.\\-@/:+]{1,40}';

export const iosLikePrompts = {
  user: `${LINE_START}(?<hostname>${IOS_HOST})>${PROMPT_END}`,
  privileged: `${LINE_START}(?<hostname>${IOS_HOST})#${PROMPT_END}`,
  config: `${LINE_START}(?<hostname>${IOS_HOST})\\((?<submode>${IOS_SUBMODE})\\)#${PROMPT_END}`,
  any: `${LINE_START}${IOS_HOST}(?:\\(${IOS_SUBMODE}\\))?[>#]${PROMPT_END}`,
} as const;

/**
 * VRP/Comware views: `<R1>` (user view) and `[R1]`, `[R1-GigabitEthernet0/0/1]` (system view and
 * sub-views); VRP8 marks uncommitted changes with `[~R1]`/`[*R1]`. Software versions printed in
 * brackets (`[V200R010C10SPC700]`) are not prompts (scrapli-community huawei_vrp).
 */
const VRP_NAME = '[^<>\\[\\]\\r\\n]{1,80}';
const NOT_VERSION = '(?!V\\d{3}R\\d{3})';

export const vrpLikePrompts = {
  privileged: `${LINE_START}<(?<hostname>${VRP_NAME})>${PROMPT_END}`,
  config: `${LINE_START}\\[(?<commitState>[~*])?${NOT_VERSION}(?<hostname>${VRP_NAME})\\]${PROMPT_END}`,
  any: `${LINE_START}(?:<${VRP_NAME}>|\\[[~*]?${NOT_VERSION}${VRP_NAME}\\])${PROMPT_END}`,
} as const;

/**
 * Junos: `user@host>` (operational) and `[edit …]` on its own line, then `user@host#`. A
 * `{master:0}` / `{primary:node0}` line can precede the prompt on chassis clusters (DOMAIN.md §2.6).
 */
const JUNOS_CLUSTER = '(?:\\{[\\w:]+\\}[\\r\\n]+)?';
const JUNOS_USER_HOST = '(?:(?<user>[\\w.\\-]+)@)?(?<hostname>[\\w.\\-/:]{1,63})';

export const junosPrompts = {
  privileged: `${LINE_START}${JUNOS_CLUSTER}${JUNOS_USER_HOST}>${PROMPT_END}`,
  config: `${LINE_START}\\[edit(?: (?<submode>[^\\]\\r\\n]+))?\\][\\r\\n]+${JUNOS_CLUSTER}${JUNOS_USER_HOST}#${PROMPT_END}`,
  any: `${LINE_START}(?:\\[edit[^\\]\\r\\n]*\\][\\r\\n]+)?${JUNOS_CLUSTER}(?:[\\w.\\-]+@)?[\\w.\\-/:]{1,63}[>#]${PROMPT_END}`,
} as const;

/**
 * Junos's operational prompt as its CLI always shows it, with the user (`admin@r1>`). Auto-detection
 * needs the user part: without it the prompt is IOS's user-mode `r1>`.
 */
export const JUNOS_OPERATIONAL_WITH_USER = `${LINE_START}${JUNOS_CLUSTER}(?<user>[\\w.\\-]+)@(?<hostname>[\\w.\\-/:]{1,63})>${PROMPT_END}`;

/** `Username:`, `User name:`, `login:`, `r1 login:`, VRP `user:` (netmiko's VRP telnet list). */
export const USERNAME_PROMPT = `${LINE_START}[ \\t]*(?:[\\w.\\-]+ )?(?:user ?name|user|login)[ \\t]*:${PROMPT_END}`;
/** `Password:`, `password:`, `Enter password:` — at the end of the text only. */
export const PASSWORD_PROMPT = `${LINE_START}[^\\r\\n]{0,40}password[ \\t]*:${PROMPT_END}`;
/** Console wake-up banners: IOS/FRR `Press RETURN to get started`, Comware `Press ENTER to get started`. */
export const PRESS_RETURN = 'Press (?:RETURN|ENTER) to get started';
