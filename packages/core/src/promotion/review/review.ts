import { appLabel, type AppRef } from '../../argocd/app-ref';
import type { ArgoCdClient, ArgoCdClientOptions } from '../../argocd/client';
import { ArgoCdError } from '../../argocd/errors';
import type { Application } from '../../argocd/types';
import { diffResources } from '../../argocd/resource-diff';
import { markdownCode, markdownText } from '../../platform/markdown';
import { oneLine } from '../../text/one-line';
import { argoCdDiffSection, type AppDiffReport } from './argocd-diff-section';
import type { GitRepository } from '../../git/git-repository';
import { readImages, readManifest, type ReadTarget } from '../../manifest/manifest-reader';
import { leafValues } from '../../manifest/leaf-values';
import type { Forge } from '../../forge/forge';
import { repositoryOfUrl } from '../../forge/select';
import { loadChangelog, renderChangelog } from './changelog';
import { driftRows, driftSection, type ValuesByName } from './drift';
import { assessSource, evidenceOfValues, healthySince, type SourceEvidence, type ValueAtRevision } from './evidence';

/**
 * The review sections of a promotion's change request: what it promotes, shown from the outside
 * (Argo CD, the application repository, the source environment). Each section is computed here
 * from what the step hands in; a section that cannot be had says why in one line instead of
 * failing the promotion: the change itself is what the step is for.
 */

/** One value the change sets. */
export interface PromotedValue {
  target: ReadTarget;
  /** The image name or the key path, as the body names it. */
  name: string;
  value: string;
  previous: readonly string[];
}

/** Where the review sections read Argo CD (the steps' `argocd-*` inputs). */
export interface ArgoCdReviewConfig {
  server: string;
  token: string;
  caCert?: string;
  insecure: boolean;
  targets: AppRef[];
  sources: AppRef[];
}

/**
 * The client for `config`, its token masked first. The caller closes it. Argo CD's own messages
 * go through `redact` (the platform's secrets) as well as the client's.
 */
export async function connectReview(config: ArgoCdReviewConfig, connect: (options: ArgoCdClientOptions) => Promise<ArgoCdClient>, redact: (text: string) => string): Promise<ArgoCdReview> {
  const client = await connect({ server: config.server, credentials: { token: config.token }, redact, insecure: config.insecure, ...(config.caCert ? { caCert: config.caCert } : {}) });
  return { client, server: config.server, targets: config.targets, sources: config.sources };
}

/** Argo CD, as the review reads it. */
export interface ArgoCdReview {
  client: ArgoCdClient;
  server: string;
  targets: readonly AppRef[];
  sources: readonly AppRef[];
}

/** The sections that do not depend on the change's head commit: computed once per run. */
export interface SettledReview {
  changelog: string;
  /** Every changelog compared (and links the full comparison itself). */
  compared: boolean;
  evidence: string;
  drift: string;
  /** When the source environment started running the value(s), Synced and Healthy. */
  sourceHealthySince?: string;
}

export interface SettledReviewRequest {
  repo: GitRepository;
  values: readonly PromotedValue[];
  sourceEnvironment: string;
  targetEnvironment: string;
  /** The source and target environments' files at the base tip (relative paths); no source files, no drift or evidence by files. */
  sourceFiles: readonly string[];
  targetFiles: readonly string[];
  baseTip: string;
  argocd?: ArgoCdReview;
  /** The application repository (`source-repository`) and the forge it is on: the changelog. */
  changelog?: { forge: Pick<Forge, 'kind' | 'compare'>; repository: string };
  info(message: string): void;
}

export async function settledReview(request: SettledReviewRequest): Promise<SettledReview> {
  const evidence = request.argocd && request.argocd.sources.length > 0 ? await sourceEvidence(request, request.argocd) : undefined;
  const since = evidence ? healthySince(evidence.items) : undefined;
  // Several values: each heading names its image or key.
  const entries = request.values.map(({ name, value, previous, target }) => ({ previous, value, mode: target.mode, ...(request.values.length > 1 ? { heading: `### What ${markdownText(name)} ${markdownCode(value)} contains` } : {}) }));
  const changelog = request.changelog ? await changelogSections(request.changelog, entries) : undefined;
  return {
    changelog: changelog?.text ?? '',
    compared: changelog?.compared ?? false,
    evidence: evidence?.section ?? '',
    drift: request.sourceFiles.length > 0 ? await drift(request) : '',
    ...(since ? { sourceHealthySince: since } : {}),
  };
}

/** One comparison a change request lists: from `previous` to `value`, under `heading` (default: what `value` contains). */
export interface ChangelogEntry {
  previous: readonly string[];
  value: string;
  mode: ReadTarget['mode'];
  heading?: string;
}

/**
 * The changelog sections of a change request, one per entry (at most 2 forge requests each), and
 * whether every one compared (then each links its full comparison).
 */
export async function changelogSections(source: NonNullable<SettledReviewRequest['changelog']>, entries: readonly ChangelogEntry[]): Promise<{ text: string; compared: boolean }> {
  const sections: string[] = [];
  let compared = true;
  for (const entry of entries) {
    const changelog = await loadChangelog(source.forge, { repository: source.repository, previous: entry.previous, value: entry.value, mode: entry.mode });
    compared &&= changelog.kind === 'compared';
    sections.push(renderChangelog(changelog, entry.value, entry.heading).trimEnd());
  }
  return { text: sections.join('\n\n'), compared };
}

/** `owner/app`, `group/sub/app` or a URL of it (https, ssh, scp-like) → the repository's path on its forge. */
export function repositoryPath(input: string): string {
  return repositoryOfUrl(input) ?? input.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
}

/**
 * One GET per source app, however many values: each value is then assessed on the apps read. The
 * values each revision carries come from the source files in git, read once per revision.
 */
async function sourceEvidence(request: SettledReviewRequest, argocd: ArgoCdReview): Promise<{ items: SourceEvidence[]; section: string }> {
  const apps = new Map<AppRef, Application | string>();
  for (const ref of argocd.sources) {
    const app = await argocd.client.getApplication(ref.name, ref.namespace ? { appNamespace: ref.namespace } : {}).catch((error: unknown) => {
      if (error instanceof ArgoCdError) return error.message;
      throw error;
    });
    apps.set(ref, app);
  }
  const source = sourceValues(request.repo, request.sourceFiles);
  const items: SourceEvidence[] = [];
  const groups: Array<{ evidence: SourceEvidence[]; value: string }> = [];
  for (const promoted of request.values) {
    const evidence: SourceEvidence[] = [];
    for (const [ref, app] of apps) {
      const item = typeof app === 'string' ? { app: appLabel(ref), state: 'unreadable' as const, reason: app } : await assessSource(ref, app, promoted.value, source(promoted.target));
      request.info(`${item.app}: ${item.state === 'runs' ? `runs ${promoted.value}${item.since ? ` since ${item.since}` : ''}` : item.state === 'unreadable' ? item.reason : `does not run ${promoted.value} Synced and Healthy`}.`);
      evidence.push(item);
    }
    items.push(...evidence);
    // Several values: each line names its image or key, not just the value.
    groups.push({ evidence, value: request.values.length > 1 ? `${promoted.name} ${promoted.value}` : promoted.value });
  }
  return { items, section: evidenceOfValues(groups, request.sourceEnvironment) };
}

/**
 * What the source files give a target at a commit (undefined when the commit is unknown, or they
 * give none or several): the files are read once per commit (one git process) for every target.
 */
function sourceValues(repo: GitRepository, files: readonly string[]): (target: ReadTarget) => ValueAtRevision {
  const texts = new Map<string, Promise<Map<string, string | undefined> | undefined>>();
  const textsAt = (revision: string): Promise<Map<string, string | undefined> | undefined> => {
    let read = texts.get(revision);
    if (!read) texts.set(revision, (read = repo.hasCommit(revision).then((known) => (known ? repo.filesAt(revision, files) : undefined))));
    return read;
  };
  return (target) => async (revision) => {
    const read = await textsAt(revision);
    if (!read) return undefined;
    const values = new Set<string>();
    for (const [file, text] of read) if (text !== undefined) for (const site of readManifest(text, file, target)) values.add(site.value);
    return values.size === 1 ? [...values][0] : undefined;
  };
}

/** Images (image mode) or keys (key mode) the two environments' files disagree on, besides the promoted ones. */
async function drift(request: SettledReviewRequest): Promise<string> {
  const mode = request.values[0]?.target.mode ?? 'image';
  const valuesOf = async (files: readonly string[]): Promise<ValuesByName> => {
    const texts: { file: string; text: string }[] = [];
    // One git process for all the files (an environment has as many as it has services).
    const read = await request.repo.filesAt(request.baseTip, files);
    for (const file of files) {
      const text = read.get(file);
      if (text !== undefined) texts.push({ file, text });
    }
    return mode === 'image' ? imageValues(texts) : keyValues(texts);
  };
  const rows = driftRows(await valuesOf(request.sourceFiles), await valuesOf(request.targetFiles), new Set(request.values.map((value) => value.name)));
  return driftSection(rows, mode, request.sourceEnvironment, request.targetEnvironment);
}

function keyValues(texts: readonly { file: string; text: string }[]): ValuesByName {
  const values = new Map<string, Set<string>>();
  for (const { text } of texts) for (const [path, value] of leafValues(text)) (values.get(path) ?? values.set(path, new Set()).get(path))?.add(value);
  return new Map([...values].map(([name, set]) => [name, [...set]]));
}

/** Every image the files reference, with the values they give it (the reader the editor uses). */
function imageValues(texts: readonly { file: string; text: string }[]): ValuesByName {
  const images = readImages(texts.map(({ file, text }) => ({ file, source: text })));
  return new Map([...images].map(([name, sites]) => [name, [...sites.values]]));
}

/**
 * What Argo CD will change in the target environment: for each target app, what it renders for
 * `headSha` against what it runs now (2 requests per app). Returned as a function of the room the
 * body leaves (see body.ts). A failure of one app is one line in the section, not a failed step.
 */
export async function argoCdDiff(argocd: ArgoCdReview, headSha: string, environment: string, info: (message: string) => void): Promise<(budget: number) => string> {
  const apps: AppDiffReport[] = [];
  for (const ref of argocd.targets) {
    const options = ref.namespace ? { appNamespace: ref.namespace } : {};
    const report = { application: appLabel(ref), revision: headSha, seeAll: appPage(argocd.server, ref) };
    try {
      // Argo CD's repo server may take up to a minute to render a revision it has not seen.
      // The two reads do not depend on each other: the render (the slow one) and the live state at once.
      const [manifests, managed] = await Promise.all([argocd.client.manifests(ref.name, { ...options, revision: headSha, timeoutMs: RENDER_TIMEOUT_MS }), argocd.client.managedResources(ref.name, options)]);
      const diff = diffResources(manifests, managed);
      info(`${report.application}: Argo CD renders ${headSha.slice(0, 12)} with ${diff.changes.length} resource(s) changed, added or removed.`);
      apps.push({ ...report, outcome: { diff } });
    } catch (error) {
      if (!(error instanceof ArgoCdError)) throw error;
      info(`${report.application}: no diff, ${error.message}`);
      apps.push({ ...report, outcome: { error: oneLine(error.message, 300) } });
    }
  }
  return (budget) => argoCdDiffSection({ environment, apps, budget });
}

/** A dry run pushes nothing, so Argo CD has no commit to render: the section says so. */
export function argoCdDiffNotRendered(environment: string): (budget: number) => string {
  return () => `### What Argo CD will change in ${markdownText(environment)}\n\nNot rendered in a dry run: nothing was pushed, so Argo CD has no commit to render.`;
}

const RENDER_TIMEOUT_MS = 60_000;

/** The app's page in Argo CD's UI. */
function appPage(server: string, ref: AppRef): string {
  const base = server.replace(/\/+$/, '');
  return `${base}/applications/${ref.namespace ? `${encodeURIComponent(ref.namespace)}/` : ''}${encodeURIComponent(ref.name)}`;
}
