/**
 * The desired state of an app at given revisions (or its sources' tips): resolved commits and
 * generated manifests, or the ComparisonError Argo CD would report instead.
 */
import { GrpcCode } from './errors.js';
import { GitReadError, type GitReader } from './git-reader.js';
import { ManifestError, type ManifestResource } from './manifest-parse.js';
import type { RevisionContext } from './options.js';
import type { SimApp } from './sim-app.js';
import { loadSource } from './source-loader.js';

export interface TargetResult {
  /** Resolved commit per source; undefined when one could not be resolved. */
  revisions: string[] | undefined;
  /** Undefined when manifests could not be generated (then `error` says why). */
  resources: ManifestResource[] | undefined;
  sourceTypes: string[];
  error?: string;
  /** The repo server's own error behind `error`: what `GET …/manifests` answers with. */
  cause?: RepoServerError;
}

/** A repo server failure as the API server passes it on: its gRPC code and message. */
export interface RepoServerError {
  grpcCode: number;
  message: string;
}

interface Generated {
  resources: ManifestResource[] | undefined;
  sourceTypes: string[];
  error?: string;
  cause?: RepoServerError;
}

// A hex string is taken for a (short) commit SHA without asking the remote; an unknown one fails
// only at checkout, and with another code than an unknown branch (git.LsRemote, checkoutRevision).
const HEX_REVISION = /^[0-9a-f]{7,40}$/;

const CACHE_LIMIT = 16;
const caches = new WeakMap<SimApp, Map<string, Generated>>();

/** `revisions[i]` overrides source i's targetRevision (a branch, tag or SHA). */
export async function readTarget(reader: GitReader, sim: SimApp, revisions?: ReadonlyArray<string | undefined>): Promise<TargetResult> {
  const sources = sim.config.sources;
  const failure = (index: number, detail: string): string =>
    `Failed to load target state: failed to generate manifest for source ${index + 1} of ${sources.length}: rpc error: code = Unknown desc = ${detail}`;
  const resolved: string[] = [];
  for (const [index, source] of sources.entries()) {
    try {
      resolved.push(await reader.resolve(source.repoPath, revisions?.[index] ?? source.targetRevision));
    } catch (error) {
      if (!(error instanceof GitReadError)) throw error;
      return { revisions: undefined, resources: undefined, sourceTypes: [], error: failure(index, error.message), cause: unresolved(revisions?.[index] ?? source.targetRevision, error) };
    }
  }
  const key = resolved.join(',');
  let cache = caches.get(sim);
  if (!cache) caches.set(sim, (cache = new Map()));
  let generated = cache.get(key);
  if (!generated) {
    generated = await generate(reader, sim, resolved, failure);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, generated);
  }
  // Rules run on every comparison (not cached) so a test may change its mind between refreshes.
  if (generated.resources !== undefined) {
    const ruleError = sim.config.comparisonError?.(revisionContext(sim, resolved, generated.resources));
    if (ruleError !== undefined) {
      return { revisions: resolved, resources: undefined, sourceTypes: generated.sourceTypes, error: ruleError, cause: { grpcCode: GrpcCode.Unknown, message: ruleError } };
    }
  }
  return { revisions: resolved, ...generated };
}

async function generate(
  reader: GitReader,
  sim: SimApp,
  revisions: readonly string[],
  failure: (index: number, detail: string) => string,
): Promise<Generated> {
  const resources: ManifestResource[] = [];
  const sourceTypes: string[] = [];
  const namespace = sim.config.destination.namespace ?? '';
  for (const [index, source] of sim.config.sources.entries()) {
    // A `ref` source only lends its files to other sources (value files); it renders nothing.
    if (source.path === undefined) continue;
    try {
      const snapshot = await reader.snapshot(source.repoPath, revisions[index] ?? '');
      const helm = { helmBin: sim.config.helmBin, releaseName: sim.name, namespace, helm: source.helm };
      const loaded = await loadSource(reader, snapshot, { repoPath: source.repoPath, path: source.path, recurse: source.recurse, helm }, namespace, index);
      resources.push(...loaded.resources);
      sourceTypes.push(loaded.sourceType);
    } catch (error) {
      if (!(error instanceof ManifestError) && !(error instanceof GitReadError)) throw error;
      const grpcCode = error instanceof ManifestError && error.code === 'FailedPrecondition' ? GrpcCode.FailedPrecondition : GrpcCode.Unknown;
      return { resources: undefined, sourceTypes, error: failure(index, error.message), cause: { grpcCode, message: error.message } };
    }
  }
  return { resources, sourceTypes };
}

export function revisionContext(sim: SimApp, revisions: readonly string[], resources: readonly ManifestResource[]): RevisionContext {
  return {
    app: sim.name,
    revisions,
    images: resources.flatMap((resource) => resource.images),
    resources: resources.map(({ kind, name, namespace }) => ({ kind, name, namespace })),
  };
}

function unresolved(revision: string, error: GitReadError): RepoServerError {
  if (!HEX_REVISION.test(revision)) return { grpcCode: GrpcCode.Unknown, message: error.message };
  return {
    grpcCode: GrpcCode.Internal,
    message: `Failed to checkout revision ${revision}: \`git fetch origin ${revision} --force --prune\` failed exit status 128: fatal: remote error: upload-pack: not our ref ${revision}`,
  };
}
