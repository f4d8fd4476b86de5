import { InputError } from '../../errors';
import type { GitRepository } from '../../git/git-repository';
import type { ReadTarget } from '../../manifest/manifest-reader';
import type { Platform } from '../../platform/platform';
import type { SelectedFile } from '../../files/repo-files';
import { fillTemplate } from '../../text/template';
import type { FilesHistory } from '../../promotion/history';
import { addHolds, holdRecord, type HoldRecord } from '../../promotion/hold';
import { editRequestFor, planAt, withHold, type EditRequest, type PlannedFile } from '../../promotion/plan';
import type { RollbackDecision as ValueDecision } from '../../promotion/rollback-decision';
import { withTrailers } from '../../promotion/trailers';
import type { StepContext } from '../step-context';
import type { RollbackConfig } from './config';



/** Commits of this step carry `Gitops-Promote-Step: rollback`. */
export const STEP = 'rollback';

export interface RollbackDecision extends ValueDecision {
  target: ReadTarget;
}

function editRequest(config: RollbackConfig, decision: RollbackDecision): EditRequest {
  const image = config.to ?? decision.at?.site;
  if (decision.target.mode === 'image' && image?.tag === undefined && image?.digest === undefined) {
    throw new InputError(`Cannot roll back ${decision.name} to ${JSON.stringify(decision.to)}.`, "Give 'to' as a tag, tag@digest or @digest.");
  }
  return editRequestFor(decision.target, decision.to, image);
}

/** What both modes hand their publisher alike: where, as whom, the message, the retry budget. */
export function publishing(config: RollbackConfig, platform: Platform, repo: GitRepository, message: string, context: StepContext) {
  return {
    repo,
    remote: 'origin',
    author: config.author ?? platform.defaultAuthor(),
    message: () => message,
    timeoutMs: config.pushTimeoutMs,
    backoff: context.backoff,
    clock: context.clock,
    info: (text: string) => platform.info(text),
  };
}

/** The edit, the commit message and the hold records of a decided rollback (one per value). */
export async function rollbackPlan(config: RollbackConfig, repo: GitRepository, history: FilesHistory, decisions: readonly RollbackDecision[], files: readonly SelectedFile[]): Promise<RollbackPlan> {
  const requests = decisions.map((decision) => editRequest(config, decision));
  const records: HoldRecord[] = [];
  const at = new Date();
  for (const decision of decisions) {
    const site = decision.now.site;
    records.push(
      await holdRecord(repo, {
        target: decision.target,
        files: history.files,
        value: decision.from,
        ...(site?.tag !== undefined ? { tag: site.tag } : {}),
        ...(site?.digest !== undefined ? { digest: site.digest } : {}),
        to: decision.to,
        reason: config.reason,
        ...(config.environment ? { environment: config.environment } : {}),
        rev: history.rev,
        at,
      }),
    );
  }
  const list = (pick: (decision: RollbackDecision) => string): string => decisions.map(pick).join(', ');
  const subject = fillTemplate(config.commitMessageTemplate, { target: list((decision) => decision.name), from: list((decision) => decision.from), to: list((decision) => decision.to), reason: config.reason }, 'commit-message');
  // A train of one is written in the one-value form (Image, Value, Rolled-Back-From/-To), as before.
  const message = withTrailers(subject, {
    step: STEP,
    values: decisions.map((decision) => ({ ...(decision.target.mode === 'image' ? { image: decision.name } : { key: decision.name }), value: decision.to, previous: [decision.from], rolledBackFrom: decision.from })),
    ...(config.environment ? { environment: config.environment } : {}),
    ...(config.reason ? { extra: { Reason: config.reason } } : {}),
  });
  return { files, requests, message, records, decisions };
}

/** What a rollback commits: the edit of the files and, beside it, a hold record per value. */
export interface RollbackPlan {
  files: readonly SelectedFile[];
  requests: EditRequest[];
  message: string;
  records: HoldRecord[];
  decisions: readonly RollbackDecision[];
}

/** The files' edit read at `revision` (undefined: the work tree), plus the hold records when they change. */
export async function planWithHold(repo: GitRepository, plan: RollbackPlan, revision: string | undefined, files = plan.files): Promise<PlannedFile[]> {
  return withHold(repo, await planAt(repo, plan.requests, files, revision), revision, addHolds(plan.records));
}
