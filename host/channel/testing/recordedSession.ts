import { readFileSync } from 'node:fs';

/**
 * Test support only: turns a terminal capture of a real session (what the client's terminal
 * received, CR LF and NUL included) into a device script: the greeting, then per client input
 * the bytes the device sent back until it waited again.
 */
export interface RecordedStep {
  /** What the client typed: a command, the secret at a hidden-input prompt, or Ctrl-C. */
  input: string;
  kind: 'line' | 'secret' | 'keystroke';
  /** What the device sent back (its echo included), up to and including the next prompt. */
  reply: string;
  /** The device hung up after this reply. */
  close: boolean;
  /** The text at the end of `reply` that a wait matches: the prompt, or the last line shown. */
  waitFor: RegExp;
}

export interface RecordedSession {
  greeting: string;
  greetingWaitFor: RegExp;
  steps: RecordedStep[];
}

export interface RecordedSessionFormat {
  /** Group 1 is the prompt, group 2 what was typed after it (the device's echo). */
  promptLine: RegExp;
  /** Prompts whose input is not echoed; the step's input becomes `secret`. */
  hiddenInputPrompt: RegExp;
  secret: string;
  /** Lines the capturing client printed itself, before and after the session. */
  headerLines: number;
  trailerLines: number;
  /** Matches any prompt at the end of the cleaned text. */
  prompt: RegExp;
}

export function parseRecordedSession(raw: string, format: RecordedSessionFormat): RecordedSession {
  const lines = raw.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const body = lines.slice(format.headerLines, lines.length - format.trailerLines);
  const steps: RecordedStep[] = [];
  let greeting: string | undefined;
  let output = '';
  let lastLineWait: RegExp = format.prompt;
  const finish = (waitFor: RegExp) => {
    const step = steps[steps.length - 1];
    if (step) {
      step.reply = output;
      step.waitFor = waitFor;
    } else {
      greeting = output;
    }
    output = '';
  };
  for (const line of body) {
    const prompt = format.promptLine.exec(line);
    if (prompt) {
      const [, promptText = '', typed = ''] = prompt;
      output += promptText;
      finish(format.prompt);
      const hidden = format.hiddenInputPrompt.test(promptText);
      steps.push({ input: hidden ? format.secret : typed, kind: hidden ? 'secret' : 'line', reply: '', close: false, waitFor: format.prompt });
      output = `${typed}\r\n`;
    } else if (line === '^C') {
      finish(lastLineWait);
      steps.push({ input: '\x03', kind: 'keystroke', reply: '', close: false, waitFor: format.prompt });
      output = '^C\r\n';
    } else {
      output += `${line}\r\n`;
      lastLineWait = new RegExp(`${escapeRegExp(line.replace(/\0/g, ''))}\\n$`);
    }
  }
  finish(format.prompt);
  const last = steps[steps.length - 1];
  if (last && format.trailerLines > 0) last.close = true;
  return { greeting: greeting ?? '', greetingWaitFor: format.prompt, steps };
}

/**
 * The FRR vtysh session behind telnetd captured in `fixtures/telnet-vtysh-session.txt`
 * (copied from the team's peer captures): login, show commands, configuration with errors,
 * ping interrupted by Ctrl-C, write memory, exit.
 */
export function loadVtyshSession(secret: string): RecordedSession {
  const raw = readFileSync(new URL('./fixtures/telnet-vtysh-session.txt', import.meta.url), 'latin1');
  return parseRecordedSession(raw, {
    promptLine: /^(Username: |Password: |r1(?:\([^)]*\))?[#>] )(.*)$/,
    hiddenInputPrompt: /^Password: $/,
    secret,
    headerLines: 4,
    trailerLines: 1,
    prompt: /(?:Username: |Password: |r1(?:\([a-z-]+\))?[#>] )$/,
  });
}

/** How the channel's screen buffer shows device text that has no escapes or backspaces. */
export function cleanedText(deviceText: string): string {
  return deviceText.replace(/\0/g, '').replace(/\r+\n/g, '\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
