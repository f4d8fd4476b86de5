/**
 * `/__sim/…`: the control API over HTTP, for a simulator run standalone (the CLI, a demo, a
 * benchmark in another process). Everything here is also a method of ArgoCdSimulator; only
 * JSON-expressible options are available (declarative image rules, merge patches).
 *
 *   GET    /__sim/requests                 {counts, total, requests}
 *   DELETE /__sim/requests
 *   GET    /__sim/faults                   [{id, hits, spec}]
 *   POST   /__sim/faults                   FaultSpec → {id}
 *   DELETE /__sim/faults[/{id}]
 *   GET    /__sim/apps                     [Application]
 *   POST   /__sim/apps                     AppConfig → Application
 *   DELETE /__sim/apps/{name}
 *   POST   /__sim/apps/{name}/refresh      ?hard=true → Application
 *   POST   /__sim/apps/{name}/sync         SyncRequest → Application
 *   POST   /__sim/apps/{name}/patch        merge patch → Application
 *   POST   /__sim/apps/{name}/timeline     [{afterMs, patch}] → 202
 *   POST   /__sim/applicationsets                  ApplicationSetConfig → 200 ApplicationSet
 *   POST   /__sim/apps/{name}/rollouts/{rollout}/promote  → 200 Application
 *   POST   /__sim/apps/{name}/rollouts/{rollout}/abort    → 200 Application
 *   POST   /__sim/holds                    {stage, app?} → {id}
 *   DELETE /__sim/holds/{id}
 *   POST   /__sim/tokens                   {token, username?, projects?}
 *   POST   /__sim/tokens/revoke            {token}
 *   POST   /__sim/streams/close            → {closed}
 * `?namespace=` selects an app namespace other than the control-plane one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseSyncRequest } from './api-routes.js';
import { ApiError } from './errors.js';
import type { FaultRegistry, FaultSpec } from './faults.js';
import { STAGES, type Stage } from './holds.js';
import { readJson, sendError, sendJson } from './http-util.js';
import type { MergePatch } from './merge-patch.js';
import type { AppConfig } from './options.js';
import type { TokenGrant } from './auth.js';
import type { SyncRequest } from './controller.js';
import type { RequestRecord } from './request-log.js';
import type { TimelineStep } from './timeline-step.js';
import type { ApplicationSetConfig } from './application-sets.js';
import type { Application, Endpoint } from './types.js';

/**
 * What the control API drives: the simulator's own methods. Declared here, not imported, so the
 * simulator (which routes `/__sim/…` here) and this module do not import each other.
 */
export interface ControlledSimulator {
  readonly requests: readonly RequestRecord[];
  requestCount(endpoint?: Endpoint): number;
  requestCounts(): Record<Endpoint, number>;
  clearRequests(): void;
  listApps(): Application[];
  addApp(config: AppConfig): Promise<Application>;
  removeApp(name: string, namespace?: string): void;
  refresh(name: string, options?: { hard?: boolean; namespace?: string }): Promise<Application>;
  sync(name: string, request?: SyncRequest & { username?: string }, namespace?: string): Promise<Application>;
  patchApp(name: string, patch: MergePatch, namespace?: string): Application;
  timeline(name: string, steps: readonly TimelineStep[], namespace?: string): unknown;
  hold(stage: Stage, name?: string, namespace?: string): () => void;
  addApplicationSet(config: ApplicationSetConfig): Record<string, unknown>;
  promoteRollout(name: string, rollout: string, namespace?: string): Application;
  abortRollout(name: string, rollout: string, namespace?: string): Application;
  addToken(token: string, grant?: TokenGrant): void;
  revokeToken(token: string): void;
  closeStreams(): number;
}

const holdReleases = new WeakMap<ControlledSimulator, Map<number, () => void>>();
let nextHoldId = 1;

export async function handleControl(sim: ControlledSimulator, faults: FaultRegistry, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const parts = url.pathname.split('/').slice(2).map(decodeURIComponent);
  const namespace = url.searchParams.get('namespace') ?? undefined;
  try {
    const [resource, id, action] = parts;
    if (resource === 'requests' && parts.length === 1) {
      if (method === 'GET') return sendJson(res, 200, { counts: sim.requestCounts(), total: sim.requestCount(), requests: sim.requests });
      if (method === 'DELETE') {
        sim.clearRequests();
        return noContent(res);
      }
    }
    if (resource === 'faults') {
      if (method === 'GET' && id === undefined) return sendJson(res, 200, faults.list());
      if (method === 'POST' && id === undefined) return sendJson(res, 200, { id: faults.add((await readJson(req)) as unknown as FaultSpec).id });
      if (method === 'DELETE' && id === undefined) {
        faults.clear();
        return noContent(res);
      }
      if (method === 'DELETE') {
        faults.remove(Number(id));
        return noContent(res);
      }
    }
    if (resource === 'apps') {
      if (id === undefined && method === 'GET') return sendJson(res, 200, sim.listApps());
      if (id === undefined && method === 'POST') return sendJson(res, 200, await sim.addApp((await readJson(req)) as unknown as AppConfig));
      if (id !== undefined && action === undefined && method === 'DELETE') {
        sim.removeApp(id, namespace);
        return noContent(res);
      }
      if (id !== undefined && method === 'POST') {
        if (action === 'refresh') return sendJson(res, 200, await sim.refresh(id, { hard: url.searchParams.get('hard') === 'true', ...(namespace ? { namespace } : {}) }));
        if (action === 'sync') return sendJson(res, 200, await sim.sync(id, parseSyncRequest(await readJson(req)), namespace));
        if (action === 'patch') return sendJson(res, 200, sim.patchApp(id, (await readJson(req)) as MergePatch, namespace));
        const [, , , rollout, verb] = parts;
        if (action === 'rollouts' && rollout !== undefined && verb === 'promote') return sendJson(res, 200, sim.promoteRollout(id, rollout, namespace));
        if (action === 'rollouts' && rollout !== undefined && verb === 'abort') return sendJson(res, 200, sim.abortRollout(id, rollout, namespace));
        if (action === 'timeline') {
          const steps = await readSteps(req);
          sim.timeline(id, steps, namespace);
          return sendJson(res, 202, { steps: steps.length });
        }
      }
    }
    if (resource === 'applicationsets' && id === undefined && method === 'POST') {
      return sendJson(res, 200, sim.addApplicationSet((await readJson(req)) as unknown as ApplicationSetConfig));
    }
    if (resource === 'holds') {
      const releases = holdReleases.get(sim) ?? new Map<number, () => void>();
      holdReleases.set(sim, releases);
      if (method === 'POST' && id === undefined) {
        const body = await readJson(req);
        const stage = body['stage'];
        if (typeof stage !== 'string' || !STAGES.includes(stage as Stage)) throw new Error(`stage must be one of ${STAGES.join(', ')}`);
        const app = typeof body['app'] === 'string' ? body['app'] : undefined;
        const holdId = nextHoldId++;
        releases.set(holdId, sim.hold(stage as Stage, app, namespace));
        return sendJson(res, 200, { id: holdId });
      }
      if (method === 'DELETE' && id !== undefined) {
        releases.get(Number(id))?.();
        releases.delete(Number(id));
        return noContent(res);
      }
    }
    if (resource === 'tokens' && method === 'POST') {
      const body = await readJson(req);
      const token = body['token'];
      if (typeof token !== 'string' || token === '') throw new Error('token must be a non-empty string');
      if (id === 'revoke') {
        sim.revokeToken(token);
        return noContent(res);
      }
      const projects = Array.isArray(body['projects']) ? body['projects'].map(String) : undefined;
      const username = typeof body['username'] === 'string' ? body['username'] : undefined;
      sim.addToken(token, { ...(projects ? { projects } : {}), ...(username ? { username } : {}) });
      return noContent(res);
    }
    if (resource === 'streams' && id === 'close' && method === 'POST') return sendJson(res, 200, { closed: sim.closeStreams() });
    sendJson(res, 404, { error: `no control route ${method} ${url.pathname}` });
  } catch (error) {
    if (error instanceof ApiError) sendError(res, error);
    else sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function noContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

async function readSteps(req: IncomingMessage): Promise<TimelineStep[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (!Array.isArray(value)) throw new Error('a timeline is a JSON array of {afterMs, patch}');
  return value.map((step: unknown): TimelineStep => {
    const record = (typeof step === 'object' && step !== null ? step : {}) as { afterMs?: unknown; patch?: unknown };
    const afterMs = Number(record.afterMs ?? 0);
    if (!Number.isFinite(afterMs) || afterMs < 0) throw new Error('afterMs must be a number >= 0');
    return { afterMs, ...(typeof record.patch === 'object' && record.patch !== null ? { patch: record.patch as MergePatch } : {}) };
  });
}
