import type { DeviceLine, LineCallOptions } from './deviceLine';

/**
 * Leaves configuration mode with the dialect's leave command. Junos keeps uncommitted changes in
 * a candidate and asks before leaving it; after a failed line the candidate is discarded first
 * (`rollback`, i.e. back to the active configuration), so nothing half-applied is committed.
 */
export async function leaveConfiguration(line: DeviceLine, discardCandidate: boolean, options: LineCallOptions = {}): Promise<void> {
  if (line.mode !== 'config') return;
  if (discardCandidate && line.dialect.definition.family === 'junos') await line.run('rollback', options);
  await line.enterMode('privileged', options);
}
