/**
 * `GET /api/v1/applications/{name}/manifests?revision=`: what the repo server renders for a
 * revision (server/application/application.go GetManifests), rendered the way the app's own
 * comparison renders it. Without `revision` the app's target revision; a multi-source app takes
 * `revisions` with `sourcePositions` (1-based) instead. Argo CD 3.x answers `{manifests}` only
 * (the resolved revision, sourceType, namespace and server went with multi-source support in
 * 2.11), each manifest a JSON string with the tracking annotation, Secret values masked. A
 * repo-server failure comes back with its own gRPC code and message (the API server unwraps it):
 * an unknown branch or tag Unknown (500), an unknown commit SHA Internal (500), a directory file
 * that does not parse FailedPrecondition (400), a kustomize build error Unknown (500).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { lookupApp, type ApiContext, type Route } from './api-routes.js';
import { ApiError, GrpcCode } from './errors.js';
import { sendJson } from './http-util.js';
import { renderedManifest, trackingOf } from './live-object.js';
import { hideSecretData } from './resource-diff.js';
import type { SimApp } from './sim-app.js';
import { readTarget } from './target-state.js';

export async function handleManifests(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, route: Route, params: URLSearchParams): Promise<void> {
  const principal = ctx.auth.authenticate(req.headers);
  const sim = lookupApp(ctx, principal, route.app ?? '', params.get('appNamespace'), params.get('project'));
  const target = await readTarget(ctx.reader, sim, requestedRevisions(sim, params));
  if (target.resources === undefined) {
    throw new ApiError(target.cause?.grpcCode ?? GrpcCode.Unknown, target.cause?.message ?? target.error ?? 'error generating manifests');
  }
  const tracking = trackingOf(sim, ctx.namespace);
  const manifests = target.resources.map((resource) => {
    const object = renderedManifest(resource, tracking);
    const shown = resource.kind === 'Secret' && resource.group === '' ? hideSecretData([object])[0] : object;
    return JSON.stringify(shown);
  });
  // Go's omitempty: an app that renders nothing answers `{}`.
  sendJson(res, 200, manifests.length > 0 ? { manifests } : {});
}

/** The revision per source the query asks for; undefined entries keep the source's targetRevision. */
function requestedRevisions(sim: SimApp, params: URLSearchParams): Array<string | undefined> | undefined {
  if (!sim.config.multiSource) {
    const revision = params.get('revision');
    return revision ? [revision] : undefined;
  }
  const positions = params.getAll('sourcePositions').map(Number);
  const revisions = params.getAll('revisions');
  const out: Array<string | undefined> = sim.config.sources.map(() => undefined);
  positions.forEach((position, index) => {
    if (!Number.isInteger(position) || position <= 0 || position > out.length) throw new ApiError(GrpcCode.Unknown, 'source position is out of range');
    out[position - 1] = revisions[index];
  });
  return out;
}
