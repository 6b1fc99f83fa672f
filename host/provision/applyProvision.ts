import type { z } from 'zod';
import { FieldKitError, type ApplyOptions, type ApplyReport, type ProvisionSource } from '../../shared/contract';
import { leaveConfiguration } from './configMode';
import { newRunId, readBackup, writeBackup, type ProvisionContext } from './context';
import { desiredFromSource } from './desiredConfig';
import { planDesired, readRunningConfig } from './planning';
import { createProgressMeter } from './progress';
import { cancelReload, scheduleReload, supportsReloadGuard } from './reloadGuard';
import { prepareResume } from './resume';
import { rollbackProvision } from './rollback';
import { RunJournal, type Durability, type JournalEntry } from './runJournal';
import { saveConfiguration } from './saveConfig';
import { isLineDrop, sendPlan, sendUnits } from './sendPlan';

export type ApplyRequestOptions = z.output<typeof ApplyOptions>;

const now = (): string => new Date().toISOString();

/**
 * The apply engine: back up the running configuration, plan, (optionally) arm the reload guard,
 * type the lines in configuration mode paced by the device, stop at the first error, leave
 * configuration mode, save and confirm the save. Every acknowledged line is journalled before the
 * next is sent, so an interrupted run can be resumed (`resumeRunId`). An ack is written at once
 * (a crash of the host process loses none) and flushed to the disk in the background, since a
 * synchronous flush per line cost as much as the device's own answer on a fast line (bench:
 * test/bench/run.ts); every other record is flushed before the run goes on.
 *
 * Device outcomes (a refused line, a failed save, a dropped line) are in the report; only faults
 * of the request or of the host reject.
 */
export async function applyProvision(context: ProvisionContext, source: ProvisionSource, options: ApplyRequestOptions): Promise<ApplyReport> {
  const { line } = context;
  const call = context.call ?? {};
  const mask = (text: string): string => context.mask(text);
  const desired = desiredFromSource(source, line.dialect.id, context.lookup);
  context.addSecrets?.(desired.secrets);
  const resume = options.resumeRunId ? prepareResume(context, options.resumeRunId, desired.journalSource) : null;
  const runId = resume?.runId ?? newRunId();

  const backupStarted = performance.now();
  const running = await readRunningConfig(line, call);
  let backup: string | null = resume?.backupFile ?? null;
  if (!options.dryRun && !resume && context.runsDir !== null) backup = writeBackup(context.runsDir, runId, running);
  const backupMs = Math.round(performance.now() - backupStarted);

  const { plan, views, view } = planDesired(line, running, desired, mask);
  const report: ApplyReport = {
    runId,
    dialect: line.dialect.id,
    dryRun: options.dryRun,
    planned: views.length,
    sent: 0,
    acknowledged: 0,
    failedLine: null,
    interrupted: null,
    saved: false,
    saveMessage: null,
    backup,
    journal: null,
    diff: view.diff,
    lines: views,
    resumed: resume ? { fromRunId: resume.runId, acknowledgedBefore: resume.acknowledged.length, lostLines: resume.lostLines(views) } : null,
    rollback: null,
    reloadGuard: null,
    timings: { backupMs, applyMs: 0, saveMs: 0 },
  };
  if (options.dryRun) return report;

  const journal = context.runsDir === null ? null : resume ? RunJournal.reopen(context.runsDir, runId) : RunJournal.create(context.runsDir, runId);
  const record = (entry: JournalEntry, durability: Durability = 'now'): void => journal?.append(entry, durability);
  report.journal = journal?.path ?? null;
  try {
    if (!resume) {
      record({ type: 'start', runId, at: now(), target: context.target, dialect: line.dialect.id, source: desired.journalSource });
      if (backup !== null) record({ type: 'backup', at: now(), file: backup });
    }
    record({ type: 'planned', at: now(), attempt: resume ? resume.attempts : 0, lines: views.map(({ number, text, path }) => ({ number, text, path })) });

    if (options.reloadGuard) {
      const { minutes } = options.reloadGuard;
      if (!supportsReloadGuard(line)) {
        report.reloadGuard = { scheduled: false, cancelled: false, minutes, message: `no reload guard on ${line.dialect.definition.displayName.en}` };
      } else {
        const scheduled = await scheduleReload(line, minutes, call);
        report.reloadGuard = { scheduled: scheduled.ok, cancelled: false, minutes, message: scheduled.message };
        if (!scheduled.ok) throw new FieldKitError('Internal', `the device refused "reload in ${minutes}": ${scheduled.message}`);
      }
    }

    const applyStarted = performance.now();
    const units = sendUnits(line.dialect, plan.toSend);
    const meter = createProgressMeter(plan.toSend.map((planned) => planned.text));
    let outcome: Awaited<ReturnType<typeof sendPlan>> = { kind: 'completed' };
    if (units.length > 0) {
      try {
        await line.enterMode('config', call);
      } catch (error) {
        if (!isLineDrop(error)) throw error;
        outcome = { kind: 'interrupted', index: 0, message: error.message };
      }
      if (outcome.kind === 'completed') {
        outcome = await sendPlan(line, units, {
          ...call,
          acknowledged: (unit) => {
            for (const index of unit.indices) record({ type: 'ack', index }, 'background');
            report.acknowledged += unit.indices.length;
            const progress = meter.advance(unit.indices.length);
            context.progress?.({ runId, sessionId: context.sessionId, ...progress, line: views[unit.indices.at(-1) ?? 0]?.text ?? '' });
          },
        });
      }
    }
    report.sent = outcome.kind === 'completed' ? views.length : report.acknowledged + 1;
    report.timings.applyMs = Math.round(performance.now() - applyStarted);

    if (outcome.kind === 'interrupted') {
      report.interrupted = { index: outcome.index, message: outcome.message };
      record({ type: 'interrupted', at: now(), index: outcome.index, message: outcome.message });
      record({ type: 'end', at: now(), outcome: 'interrupted' });
      return report;
    }
    if (outcome.kind === 'failed') {
      const failedView = views[outcome.index];
      report.failedLine = { number: failedView?.number ?? null, text: failedView?.text ?? '', message: outcome.result.failureMessage ?? outcome.result.output };
      record({ type: 'failure', index: outcome.index, line: report.failedLine });
    }

    const junos = line.dialect.definition.family === 'junos';
    const commitInConfig = junos && outcome.kind === 'completed' && options.save;
    if (!commitInConfig) await leaveConfiguration(line, outcome.kind === 'failed' || (junos && !options.save), call);

    if (outcome.kind === 'failed') {
      if (options.rollbackOnFailure) {
        const reference = resume ? readBackup(context.runsDir ?? '', runId) : running;
        report.rollback = await rollbackProvision(context, source, { backup: reference, save: false });
      }
      record({ type: 'end', at: now(), outcome: 'failed' });
      return report;
    }

    if (report.reloadGuard?.scheduled) {
      const cancelled = await cancelReload(line, call);
      report.reloadGuard = { ...report.reloadGuard, cancelled: cancelled.ok, message: cancelled.message };
    }
    if (options.save) {
      const saveStarted = performance.now();
      const saved = await saveConfiguration(line, call);
      report.timings.saveMs = Math.round(performance.now() - saveStarted);
      report.saved = saved.saved;
      report.saveMessage = saved.message;
      record({ type: 'save', at: now(), saved: saved.saved, message: saved.message });
    }
    record({ type: 'end', at: now(), outcome: 'completed' });
    return report;
  } finally {
    journal?.close();
  }
}
