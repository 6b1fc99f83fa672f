import { FieldKitError, type PlannedLineView, type PlanView, type ProvisionSource } from '../../shared/contract';
import { planChanges, renderDiff, type Plan } from '../../shared/config';
import type { DeviceLine, LineCallOptions } from './deviceLine';
import type { ProvisionContext } from './context';
import { desiredFromSource, type DesiredConfig } from './desiredConfig';

/**
 * The command that prints the running configuration in a form the planner reads: Junos only
 * in `set` form (`| display set`), the others as their dialect says.
 */
export function runningConfigCommand(line: DeviceLine): string {
  const command = line.dialect.definition.commands.runningConfig;
  return line.dialect.definition.family === 'junos' ? `${command} | display set` : command;
}

/** The running configuration, secrets masked by the session. Read from privileged mode. */
export async function readRunningConfig(line: DeviceLine, options: LineCallOptions = {}): Promise<string> {
  await line.enterMode('privileged', options);
  const command = runningConfigCommand(line);
  const result = await line.run(command, options);
  if (result.failed) throw new FieldKitError('Internal', `the device refused "${command}": ${result.failureMessage ?? ''}`);
  return result.output;
}

export interface ProvisionPlan {
  plan: Plan;
  views: PlannedLineView[];
  view: PlanView;
}

/** Plans `desired` against `running`; every text meant for people is masked with `mask`. */
export function planDesired(line: DeviceLine, running: string, desired: DesiredConfig, mask: (text: string) => string): ProvisionPlan {
  const plan = planChanges(line.dialect.id, running, desired.lines, { mask });
  const views = plan.toSend.map((planned): PlannedLineView => {
    const index = planned.sourceIndex;
    return {
      number: index === null ? null : (desired.numbers[index] ?? null),
      text: mask(planned.text),
      path: planned.path.map(mask),
      profileId: index === null ? null : (desired.profileIds[index] ?? null),
    };
  });
  const view: PlanView = { dialect: line.dialect.id, lines: views, alreadyPresent: plan.alreadyPresent.length, diff: renderDiff(plan) };
  return { plan, views, view };
}

/** `provision.plan`: what an apply would send now, and the diff. Nothing is sent. */
export async function planProvision(context: ProvisionContext, source: ProvisionSource): Promise<PlanView> {
  const desired = desiredFromSource(source, context.line.dialect.id, context.lookup);
  context.addSecrets?.(desired.secrets);
  const running = await readRunningConfig(context.line, context.call ?? {});
  return planDesired(context.line, running, desired, (text) => context.mask(text)).view;
}
