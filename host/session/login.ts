import { FieldKitError, isFieldKitError } from '../../shared/contract';
import type { LoginRules, PromptInfo } from '../../shared/dialects';
import { identifyPrompt } from '../../shared/dialects';
import type { DeviceChannel } from '../channel/types';

export interface LoginCredentials {
  username?: string;
  password?: string;
  enableSecret?: string;
}

export interface LoginTiming {
  /** Wall-clock limit from the start of login to the first prompt (contract `Timeouts.loginMs`). */
  loginTimeoutMs: number;
  /** Quiet time after which a line ending is sent to wake a console (DOMAIN.md §1 #1, scrapli #31). */
  wakeUpMs: number;
  /** Wake-ups sent at most while nothing answers. */
  maxWakeUps: number;
  signal?: AbortSignal;
}

type Event =
  | { kind: 'failure' }
  | { kind: 'wake' }
  | { kind: 'question'; answer: string }
  | { kind: 'password' }
  | { kind: 'username' }
  | { kind: 'prompt' };

/**
 * The login state machine: from a freshly opened channel to the first CLI prompt. It answers
 * username and password prompts, console wake-up banners and the dialect's login questions,
 * skips banners, and fails fast on a refused login:
 * - a login failure string (`% Login invalid`, `Login incorrect`, …) → `AuthFailed`;
 * - the password asked again right after we sent it (an FRR VTY re-asks `Password:` on a wrong
 *   password, frr-vty-zebra-session.txt) → `AuthFailed` "wrong password" — never retried, so a
 *   wrong password cannot lock the account;
 * - a username or password asked for that the caller did not give → `AuthFailed`.
 * Nothing usable within `loginTimeoutMs` → `PromptNotFound` (text arrived) or `Timeout` (silence).
 * `dialect` is one dialect's rules, or every dialect's (`identificationRules`) when auto-detecting.
 */
export async function awaitFirstPrompt(channel: DeviceChannel, dialect: LoginRules, credentials: LoginCredentials, timing: LoginTiming): Promise<PromptInfo> {
  const events: Event[] = [];
  const patterns: RegExp[] = [];
  const add = (regexes: readonly RegExp[], event: Event) => {
    for (const regex of regexes) {
      patterns.push(regex);
      events.push(event);
    }
  };
  // Failures first: with equal positions the channel prefers the lower index.
  add(dialect.login.failures, { kind: 'failure' });
  add(dialect.login.wakeUp, { kind: 'wake' });
  for (const question of dialect.login.questions) add([question.expect], { kind: 'question', answer: question.answer });
  add(dialect.login.password, { kind: 'password' });
  add(dialect.login.username, { kind: 'username' });
  add([dialect.anyPrompt], { kind: 'prompt' });

  const started = performance.now();
  const deadline = started + timing.loginTimeoutMs;
  let lastTextAt = started;
  let receivedAny = false;
  const listener = channel.onText(() => {
    lastTextAt = performance.now();
    receivedAny = true;
  });
  let lastSent: 'nothing' | 'wake' | 'username' | 'password' | 'answer' = 'nothing';
  let wakeUps = 0;
  let partialOutput = '';
  try {
    for (;;) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw noPrompt(timing.loginTimeoutMs, receivedAny, partialOutput);
      const awaitingReply = lastSent === 'username' || lastSent === 'password';
      const waitMs = awaitingReply || wakeUps >= timing.maxWakeUps ? remaining : Math.min(remaining, timing.wakeUpMs);
      let found;
      try {
        found = await channel.expect(patterns, { timeoutMs: Math.max(1, Math.ceil(waitMs)), timeoutName: 'login prompt', signal: timing.signal });
      } catch (error) {
        if (!isFieldKitError(error) || error.code !== 'Timeout') throw error;
        const partial = error.details?.['partialOutput'];
        if (typeof partial === 'string') partialOutput = partial;
        const quietFor = performance.now() - lastTextAt;
        if (!awaitingReply && wakeUps < timing.maxWakeUps && quietFor >= timing.wakeUpMs && performance.now() < deadline) {
          wakeUps += 1;
          lastSent = 'wake';
          await channel.sendLine('');
        }
        continue;
      }
      const event = events[found.patternIndex] ?? { kind: 'prompt' };
      switch (event.kind) {
        case 'failure':
          throw new FieldKitError('AuthFailed', `The device refused the login: "${lineAround(found.before + found.matched)}"`);
        case 'wake':
          lastSent = 'wake';
          await channel.sendLine('');
          break;
        case 'question':
          lastSent = 'answer';
          await channel.sendLine(event.answer);
          break;
        case 'username':
          if (lastSent === 'username' || lastSent === 'password') {
            throw new FieldKitError('AuthFailed', 'The device asked for the username again: wrong username or password.');
          }
          if (credentials.username === undefined || credentials.username === '') {
            throw new FieldKitError('AuthFailed', 'The device asks for a username, but none was given.');
          }
          lastSent = 'username';
          await channel.sendLine(credentials.username);
          break;
        case 'password':
          if (lastSent === 'password') {
            throw new FieldKitError('AuthFailed', 'Wrong password: the device asked for the password again.');
          }
          if (credentials.password === undefined) {
            throw new FieldKitError('AuthFailed', 'The device asks for a password, but none was given.');
          }
          lastSent = 'password';
          await channel.sendLine(credentials.password, { secret: true });
          break;
        case 'prompt': {
          const info = identifyPrompt(dialect, found.matched);
          if (info) return info;
          break;
        }
      }
    }
  } finally {
    listener.dispose();
  }
}

function noPrompt(timeoutMs: number, receivedAny: boolean, partialOutput: string): FieldKitError {
  const details = { timeoutName: 'login prompt', timeoutMs, partialOutput };
  if (!receivedAny) {
    return new FieldKitError('Timeout', `The device sent nothing within ${timeoutMs} ms (login timeout), even after wake-up line endings.`, details);
  }
  const tail = partialOutput.trim().split('\n').slice(-1)[0]?.slice(-80) ?? '';
  return new FieldKitError('PromptNotFound', `No CLI prompt within ${timeoutMs} ms (login timeout); last text received: "${tail}"`, details);
}

/** The line of received text that holds its end, for error messages. */
function lineAround(text: string): string {
  const lines = text.replace(/\r/g, '').split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  return lines[lines.length - 1] ?? '';
}
