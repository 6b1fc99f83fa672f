import { readFile } from 'node:fs/promises';
import ssh2, { type AnyAuthMethod, type AuthHandlerMiddleware, type AuthenticationType, type ParsedKey, type Prompt } from 'ssh2';

// ssh2 is CommonJS: Node's ESM loader sees only its default export.
const { utils } = ssh2;
import { FieldKitError } from '../../../shared/contract';
import { systemErrorCode } from '../errors';

export type SshAuthMethod = 'none' | 'publickey' | 'password' | 'keyboard-interactive';

export interface SshCredentials {
  username: string;
  password?: string;
  key?: ParsedKey;
}

/**
 * Reads and decrypts the private key before anything is sent, so that a wrong path or passphrase
 * is reported as such and not as a refused sign-in. The path is not secret; the passphrase is
 * never part of a message.
 */
export async function loadPrivateKey(description: string, path: string, passphrase: string | undefined): Promise<ParsedKey> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const cause = systemErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
    throw new FieldKitError('InvalidRequest', `${description}: cannot read the private key file ${path} (${cause})`, { path });
  }
  const parsed = utils.parseKey(data, passphrase);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error) {
    if (/passphrase/i.test(key.message)) {
      const reason = passphrase === undefined || passphrase === '' ? 'is protected by a passphrase, and none was given' : 'could not be unlocked: the passphrase is wrong';
      throw new FieldKitError('AuthFailed', `${description}: the private key ${path} ${reason}`, { path });
    }
    throw new FieldKitError('InvalidRequest', `${description}: ${path} is not a private key FieldKit can use (${key.message})`, { path });
  }
  if (key === undefined || !key.isPrivateKey()) {
    throw new FieldKitError('InvalidRequest', `${description}: ${path} holds a public key; choose the private key file (the one without .pub)`, { path });
  }
  return key;
}

/** Prompts that ask for a secret; anything typed without echo counts as one too. */
const secretPrompt = /pass(word|code|phrase)?|secret|pin\b|口令|密码/i;
const userPrompt = /user(name)?|login/i;
/** Devices re-ask inside one keyboard-interactive exchange after a wrong password; we answer this often. */
const maxPasswordRounds = 2;

/**
 * Chooses the sign-in methods in order: `none` (which also tells us what the device offers),
 * the private key, the password, then keyboard-interactive answered with the password (many
 * network devices offer only that). Each method is tried once. `attempts` lists what was tried.
 */
export class SshAuthPlan {
  readonly attempts: SshAuthMethod[] = [];
  offered: string[] = [];
  private passwordRounds = 0;

  constructor(private readonly credentials: SshCredentials) {}

  /** The last method tried: after `ready`, the one that succeeded. */
  get current(): SshAuthMethod | undefined {
    return this.attempts.at(-1);
  }

  get handler(): AuthHandlerMiddleware {
    return (methodsLeft, _partialSuccess, next) => {
      // ssh2 passes null before the first attempt, and accepts `false` for "give up"; its types know neither.
      const left: AuthenticationType[] | null = methodsLeft;
      const giveUp = next as unknown as (method: false) => void;
      if (left !== null) this.offered = [...left];
      const method = this.choose(left);
      if (method === undefined) {
        giveUp(false);
        return;
      }
      this.attempts.push(method);
      next(this.describe(method));
    };
  }

  private choose(methodsLeft: AuthenticationType[] | null): SshAuthMethod | undefined {
    if (methodsLeft === null) return 'none';
    const { key, password } = this.credentials;
    const wanted: SshAuthMethod[] = [
      ...(key ? (['publickey'] as const) : []),
      ...(password !== undefined ? (['password', 'keyboard-interactive'] as const) : []),
    ];
    return wanted.find((method) => !this.attempts.includes(method) && methodsLeft.includes(method));
  }

  private describe(method: SshAuthMethod): AnyAuthMethod {
    const { username, password = '', key } = this.credentials;
    switch (method) {
      case 'none':
        return { type: 'none', username };
      case 'publickey':
        if (key === undefined) throw new Error('publickey chosen without a key');
        return { type: 'publickey', username, key };
      case 'password':
        return { type: 'password', username, password };
      case 'keyboard-interactive':
        return {
          type: 'keyboard-interactive',
          username,
          prompt: (_name: string, _instructions: string, _language: string, prompts: Prompt[], finish: (answers: string[]) => void) => {
            finish(this.answer(prompts));
          },
        };
    }
  }

  private answer(prompts: Prompt[]): string[] {
    const { username, password = '' } = this.credentials;
    const asksSecret = prompts.some((prompt) => prompt.echo !== true || secretPrompt.test(prompt.prompt));
    if (asksSecret) this.passwordRounds += 1;
    return prompts.map((prompt) => {
      if (prompt.echo === true && userPrompt.test(prompt.prompt) && !secretPrompt.test(prompt.prompt)) return username;
      return this.passwordRounds > maxPasswordRounds ? '' : password;
    });
  }
}
