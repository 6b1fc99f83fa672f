import { FieldKitError } from '../../shared/contract';
import { classifyPrompt, decideDialect, getCompiledDialect, identificationRules, type CompiledDialect } from '../../shared/dialects';
import type { DeviceChannel } from '../channel/types';
import { DeviceSession, type IdentifyContext, type SessionOptions } from './deviceSession';
import type { LoginCredentials } from './login';

/**
 * Logs in to a device of unknown dialect (`dialect: 'auto'`, DOMAIN.md §1 #16) over any transport:
 * the login ends at the first prompt of any dialect; the prompt's shape names the family, the
 * banner or the family's version command names the dialect (see `decideDialect`). Only then are
 * that dialect's enable step and paging-off sent, so no `enable` ever reaches a Junos or VRP device.
 * The channel must answer every dialect's pager (`identificationRules().pagers`): the version
 * command runs before paging is off.
 */
export function loginAutoDetect(channel: DeviceChannel, credentials: LoginCredentials, options: SessionOptions): Promise<DeviceSession> {
  return DeviceSession.loginAndIdentify(channel, identificationRules(), credentials, options, identifyDialect);
}

/** The `identify` step of `loginAutoDetect`: at most one version command. */
export async function identifyDialect({ first, greeting, run }: IdentifyContext): Promise<CompiledDialect> {
  const shape = classifyPrompt(first.prompt);
  if (!shape) throw new FieldKitError('PromptNotFound', `Unrecognised prompt "${first.prompt}".`);
  const evidence = { greeting, prompt: shape.info.prompt };
  const fromPrompt = decideDialect(shape.family, evidence);
  if (fromPrompt) return getCompiledDialect(fromPrompt);
  const probe = getCompiledDialect(shape.probe);
  const version = await run(probe.definition.commands.version, probe);
  return getCompiledDialect(decideDialect(shape.family, { ...evidence, versionOutput: version.output }) ?? shape.probe);
}
