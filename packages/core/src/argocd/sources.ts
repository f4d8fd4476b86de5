import type { Application, ApplicationSource, OperationState } from './types';

/**
 * Which `spec.sources` entry a revision belongs to. Argo CD reports revisions positionally: a
 * multi-source app (non-empty `spec.sources`) fills `revisions[i]` for `spec.sources[i]`, a
 * single-source app fills `revision` and leaves the lists empty.
 */
export interface SourceLayout {
  multiSource: boolean;
  sources: ApplicationSource[];
}

/**
 * Names the source(s) the expected commit lives in. `{ index }` is a position in `spec.sources`
 * (0 for a single-source app); `{ repoURL }` selects every source of that repository, compared the
 * way Argo CD compares repository URLs (scheme, user, `.git`, trailing slash and case ignored).
 */
export type SourceSelector = { repoURL: string } | { index: number };

export function sourceLayout(app: Application): SourceLayout {
  const multiSource = app.spec.sources.length > 0;
  return { multiSource, sources: multiSource ? app.spec.sources : [app.spec.source ?? {}] };
}

/** The indexes a selector picks, or a sentence saying why it picks none (a configuration error). */
export function selectSources(layout: SourceLayout, selector: SourceSelector | undefined): { indexes: number[] } | { problem: string } {
  const all = layout.sources.map((_, index) => index);
  if (selector === undefined) return { indexes: all };
  if ('index' in selector) {
    const count = layout.sources.length;
    if (Number.isInteger(selector.index) && selector.index >= 0 && selector.index < count) return { indexes: [selector.index] };
    return { problem: `source index ${selector.index} does not exist: the app has ${count} source${count === 1 ? '' : 's'} (indexes start at 0)` };
  }
  const wanted = normaliseRepoURL(selector.repoURL);
  const indexes = all.filter((index) => normaliseRepoURL(layout.sources[index]?.repoURL ?? '') === wanted);
  if (indexes.length > 0) return { indexes };
  const known = layout.sources.map((source) => source.repoURL ?? '(none)').join(', ');
  return { problem: `no source of the app has repoURL ${selector.repoURL} (its sources: ${known})` };
}

/** `git@GitHub.com:org/repo.git`, `https://github.com/org/repo/` and `ssh://git@github.com/org/repo` are one repository. */
export function normaliseRepoURL(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/^([^/:]+):(?!\d+(?:\/|$))/, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/** `revision` or `revisions[index]`, whichever the layout uses; `undefined` when not reported. */
export function revisionAt(layout: SourceLayout, single: string | undefined, list: readonly string[], index: number): string | undefined {
  const value = layout.multiSource ? list[index] : index === 0 ? single : undefined;
  return value === '' ? undefined : value;
}

/** How the status field is spelled in messages: `sync.revision` or `sync.revisions[1]`. */
export function revisionField(layout: SourceLayout, field: string, index: number): string {
  return layout.multiSource ? `${field}.revisions[${index}]` : `${field}.revision`;
}

/**
 * The commit an operation worked on for one source: the resolved `syncResult` first, else what was
 * requested (which may be a branch or `HEAD`, and then matches no expected commit).
 */
export function operationRevisionAt(layout: SourceLayout, state: OperationState, index: number): string | undefined {
  const result = state.syncResult;
  const requested = state.operation?.sync;
  return (
    (result ? revisionAt(layout, result.revision, result.revisions, index) : undefined) ??
    (requested ? revisionAt(layout, requested.revision, requested.revisions, index) : undefined)
  );
}

/** A 40-hex commit reads better as its 7-character abbreviation; chart versions stay whole. */
export function short(revision: string): string {
  return /^[0-9a-f]{40,64}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

/** The repository `revision` was compared from: the source whose sync revision it is, else the first. */
export function repoURLOfRevision(app: Application, revision: string): string | undefined {
  const layout = sourceLayout(app);
  const { sync } = app.status;
  const index = layout.sources.findIndex((_, i) => revisionAt(layout, sync.revision, sync.revisions, i) === revision);
  return layout.sources[Math.max(index, 0)]?.repoURL;
}
