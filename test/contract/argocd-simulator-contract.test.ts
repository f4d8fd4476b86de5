/**
 * Contract test: what the simulator serves has the shape of what Argo CD serves.
 *
 * 1. Every field the simulator emits (Applications from GET, list and every watch event of a
 *    scenario that passes through all controller states; resource trees; manifests and managed
 *    resources; error bodies) exists in Argo CD's own swagger.json with a matching type.
 * 2. Against the real Application objects in ../shared/argocd/examples: for each example, a
 *    simulator object in the same state has every field the example has (bar a short, reasoned
 *    list of features the simulator does not model), with the same JSON types.
 *
 * Needs ../shared beside the repository (CI provides it), so it lives outside the default test
 * project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgoCdSimulator, type Application } from '../../packages/argocd-simulator/src/index';
import { call, watch, type Watch } from '../support/argocd-http';
import { createTestRepo, deployment, service, type TestRepo } from '../support/argocd-git-repo';

const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'argocd');
const TOKEN = 'contract';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  allOf?: Schema[];
}

interface Swagger {
  definitions: Record<string, Schema>;
  paths: Record<string, Record<string, { responses: Record<string, { schema?: Schema }> }>>;
}

const swagger = JSON.parse(readFileSync(join(SHARED, 'swagger.json'), 'utf8')) as Swagger;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/** Lists every field of `value` that swagger's `schema` does not allow, as `path: problem`. */
function swaggerViolations(value: unknown, schema: Schema, path: string, out: string[] = []): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = swagger.definitions[name];
    if (!target) out.push(`${path}: unknown definition ${name}`);
    else swaggerViolations(value, target, path, out);
    return out;
  }
  const properties: Record<string, Schema> = { ...schema.properties };
  for (const part of schema.allOf ?? []) Object.assign(properties, resolveRef(part).properties);
  const type = schema.type ?? (Object.keys(properties).length > 0 ? 'object' : undefined);
  switch (type) {
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        out.push(`${path}: expected object, got ${jsonType(value)}`);
      } else if (Object.keys(properties).length === 0) {
        const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
        for (const [key, child] of Object.entries(value)) if (extra) swaggerViolations(child, extra, `${path}.${key}`, out);
      } else {
        for (const [key, child] of Object.entries(value)) {
          const property = properties[key];
          if (!property) out.push(`${path}.${key}: not in swagger`);
          else swaggerViolations(child, property, `${path}.${key}`, out);
        }
      }
      break;
    case 'array':
      if (!Array.isArray(value)) out.push(`${path}: expected array, got ${jsonType(value)}`);
      else value.forEach((item, i) => swaggerViolations(item, schema.items ?? {}, `${path}[${i}]`, out));
      break;
    case 'string':
      if (typeof value !== 'string') out.push(`${path}: expected string, got ${jsonType(value)}`);
      else if (schema.format === 'date-time' && !RFC3339.test(value)) out.push(`${path}: not RFC 3339: ${value}`);
      break;
    case 'integer':
      // Argo CD's gateway marshals with encoding/json, so int64 fields are JSON numbers.
      if (!Number.isInteger(value)) out.push(`${path}: expected integer, got ${jsonType(value)}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') out.push(`${path}: expected boolean, got ${jsonType(value)}`);
      break;
    default:
      break;
  }
  return out;
}

function resolveRef(schema: Schema): Schema {
  return schema.$ref ? (swagger.definitions[schema.$ref.replace('#/definitions/', '')] ?? {}) : schema;
}

function jsonType(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

// String maps: their keys are data, not structure.
const MAPS = new Set(['metadata.labels', 'metadata.annotations']);

/** Paths of all leaves and containers of `value`, array items collapsed to `[]`, map keys to `*`. */
function paths(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string): void => {
    if (path) {
      const seen = out.get(path);
      out.set(path, seen && !seen.split('|').includes(jsonType(node)) ? `${seen}|${jsonType(node)}` : (seen ?? jsonType(node)));
    }
    if (Array.isArray(node)) node.forEach((item) => walk(item, `${path}[]`));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) walk(child, MAPS.has(path) ? `${path}.*` : path ? `${path}.${key}` : key);
    }
  };
  walk(value, prefix);
  return out;
}

/**
 * Example fields the simulator does not emit, each with the reason. Paths are as `paths()` makes
 * them; a prefix covers everything below it.
 */
const NOT_SIMULATED: Record<string, string> = {
  apiVersion: 'TypeMeta is not part of v1alpha1Application in swagger.json; the REST API does not send it',
  kind: 'as apiVersion',
  'metadata.finalizers': 'no deletion/finalizer simulation',
  'metadata.ownerReferences': 'apps are not generated by an ApplicationSet',
  'metadata.deletionTimestamp': 'only set on the DELETED event (checked separately)',
  '**.plugin': 'config management plugins are not simulated (Directory and Kustomize only)',
  '**.helm': 'Helm sources are not rendered',
};

/** `a.b` covers `a.b` and all below it; `**.b` covers a `b` segment anywhere. */
function covers(rule: string, path: string): boolean {
  const segments = path.split(/\.|(?=\[)/);
  if (rule.startsWith('**.')) return segments.some((segment) => segment.replace(/\[\]$/, '') === rule.slice(3));
  return path === rule || path.startsWith(`${rule}.`) || path.startsWith(`${rule}[`);
}

function missingFields(example: unknown, actual: unknown): string[] {
  const have = paths(actual);
  const problems: string[] = [];
  for (const [path, type] of paths(example)) {
    if (Object.keys(NOT_SIMULATED).some((skip) => covers(skip, path))) continue;
    const got = have.get(path);
    if (got === undefined) problems.push(`${path}: missing`);
    else if (!got.split('|').includes(type)) problems.push(`${path}: ${type} in the example, ${got} from the simulator`);
  }
  return problems;
}

/** Same JSON type for every field present in both objects. */
function typeClashes(example: unknown, actual: unknown): string[] {
  const have = paths(actual);
  const problems: string[] = [];
  for (const [path, type] of paths(example)) {
    const got = have.get(path);
    if (got !== undefined && !got.split('|').some((candidate) => type.split('|').includes(candidate))) problems.push(`${path}: ${type} vs ${got}`);
  }
  return problems;
}

const examples = readdirSync(join(SHARED, 'examples'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, app: JSON.parse(readFileSync(join(SHARED, 'examples', file), 'utf8')) as Record<string, unknown> }));

const health = (app: Application): string | undefined => ('status' in app.status.health ? app.status.health.status : undefined);

describe('argocd-simulator contract', () => {
  let sim: ArgoCdSimulator;
  const repos: TestRepo[] = [];
  let stream: Watch;
  const states: Application[] = [];
  const reviews: { manifests: unknown[]; managed: unknown[] } = { manifests: [], managed: [] };
  const others: Array<{ what: string; value: unknown; schema: Schema }> = [];

  beforeAll(async () => {
    const files = (dir: string, tag: string): Record<string, string> => ({
      [`${dir}/deploy.yaml`]: deployment(dir, `ghcr.io/acme/${dir}:${tag}`),
      [`${dir}/svc.yaml`]: service(dir),
    });
    const repo = await createTestRepo({ ...files('web', '1'), ...files('other', '1'), ...files('fresh', '1') });
    const values = await createTestRepo({ 'values.yaml': 'replicas: 1\n' });
    repos.push(repo, values);
    sim = await ArgoCdSimulator.start({ tokens: [TOKEN], reconcileIntervalMs: 0 });
    stream = watch(`${sim.url}/api/v1/stream/applications`, TOKEN);
    const labels = { team: 'a', 'app.kubernetes.io/part-of': 'shop' };
    await sim.addApp({
      name: 'web',
      labels,
      source: { repoPath: repo.dir, path: 'web', targetRevision: 'main' },
      destination: { name: 'in-cluster', namespace: 'web' },
      autoSync: { prune: true, selfHeal: false },
      retry: { limit: 1 },
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    });
    await sim.addApp({
      name: 'manual',
      labels,
      annotations: { 'example.com/owner': 'ci' },
      autoSync: false,
      source: { repoPath: repo.dir, path: 'other', targetRevision: 'main' },
      destination: { name: 'in-cluster', namespace: 'test' },
      retry: { limit: 2, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } },
      syncOptions: ['CreateNamespace=true'],
    });
    await sim.addApp({ name: 'multi', sources: [{ repoPath: repo.dir, path: 'other' }, { repoPath: values.dir, ref: 'values' }] });
    await sim.addApp({ name: 'fresh', source: { repoPath: repo.dir, path: 'fresh' }, initiallyDeployed: false, rules: { failSyncImage: { tagPrefix: 'rejected-' } } });
    const webIs = (predicate: (app: Application) => boolean): Promise<Application> => sim.waitFor('web', predicate);

    // Walk the apps through the controller's states; the watch records every step.
    let release = sim.hold('operationStart', 'web');
    await sim.sync('web', { dryRun: true, strategy: { hook: {} } });
    states.push(sim.getApp('web'));
    release();
    await webIs((app) => !app.operation && app.status.operationState?.operation.sync.dryRun === true);

    release = sim.hold('operationStart', 'web');
    const releaseSync = sim.hold('sync', 'web');
    const broken = await repo.commit(files('web', 'broken-2'));
    states.push(await sim.refresh('web'));
    release();
    states.push(await webIs((app) => app.status.operationState?.phase === 'Running'));
    releaseSync();
    states.push(await webIs((app) => health(app) === 'Degraded' && app.status.sync.revision === broken && app.status.sync.status === 'Synced'));

    release = sim.hold('operationStart', 'web');
    await repo.commit(files('web', '3'));
    states.push(await sim.refresh('web'));
    await repo.commit({ 'web/deploy.yaml': 'kind: [broken\n' });
    states.push(await sim.refresh('web'));
    release();

    const manualTip = await repo.commit(files('other', '2'));
    await sim.refresh('manual');
    await sim.sync('manual', { strategy: { hook: {} } });
    states.push(await sim.waitFor('manual', (app) => app.status.operationState?.syncResult?.revision === manualTip && app.status.sync.status === 'Synced' && health(app) === 'Healthy'));
    await sim.sync('manual', { dryRun: true });
    states.push(await sim.waitFor('manual', (app) => app.status.operationState?.operation.sync.dryRun === true && app.status.operationState.phase === 'Succeeded'));
    await sim.refresh('multi');
    states.push(await sim.waitFor('multi', (app) => app.status.sync.revisions?.[0] === manualTip && app.status.sync.status === 'Synced' && !app.operation));

    await sim.waitFor('fresh', (app) => app.status.operationState?.phase === 'Succeeded' && health(app) === 'Healthy');
    await repo.commit(files('fresh', 'rejected-1'));
    await sim.refresh('fresh');
    await sim.waitFor('fresh', (app) => app.status.operationState?.phase === 'Failed');
    states.push(await sim.refresh('fresh'));
    sim.removeApp('manual');

    for (const name of ['web', 'multi', 'fresh']) states.push(sim.getApp(name));
    const list = await call(`${sim.url}/api/v1/applications`, { token: TOKEN });
    others.push({ what: 'list', value: list.json(), schema: { $ref: '#/definitions/v1alpha1ApplicationList' } });
    for (const name of ['web', 'fresh', 'multi']) {
      const tree = await call(`${sim.url}/api/v1/applications/${name}/resource-tree`, { token: TOKEN });
      others.push({ what: `resource tree of ${name}`, value: tree.json(), schema: { $ref: '#/definitions/v1alpha1ApplicationTree' } });
    }
    for (const name of ['web', 'fresh', 'multi']) {
      const managed = await call(`${sim.url}/api/v1/applications/${name}/managed-resources`, { token: TOKEN });
      reviews.managed.push(managed.json());
      others.push({ what: `managed resources of ${name}`, value: managed.json(), schema: responseSchema('/api/v1/applications/{applicationName}/managed-resources') });
    }
    // web's tip does not parse any more; its last good commit does, and the tip gives the error body.
    for (const [name, query] of [['web', `?revision=${broken}`], ['fresh', ''], ['multi', `?revisions=main&sourcePositions=1`]] as const) {
      const manifests = await call(`${sim.url}/api/v1/applications/${name}/manifests${query}`, { token: TOKEN });
      reviews.manifests.push(manifests.json());
      others.push({ what: `manifests of ${name}`, value: manifests.json(), schema: responseSchema('/api/v1/applications/{name}/manifests') });
    }
    for (const query of ['', '?revision=no-such-branch']) {
      const reply = await call(`${sim.url}/api/v1/applications/web/manifests${query}`, { token: TOKEN });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      others.push({ what: `manifests error ${query}`, value: reply.json(), schema: { $ref: '#/definitions/runtimeError' } });
    }
    for (const path of ['/api/v1/applications/web', '/api/v1/applications/ghost', '/api/v1/applications/ghost?project=default']) {
      const reply = await call(`${sim.url}${path}`, { token: path.endsWith('web') ? 'wrong' : TOKEN });
      others.push({ what: `error of ${path}`, value: reply.json(), schema: { $ref: '#/definitions/runtimeError' } });
    }
    sim.addUser('ci', { password: 'pw' });
    const session = await call(`${sim.url}/api/v1/session`, { method: 'POST', body: { username: 'ci', password: 'pw' } });
    others.push({ what: 'session', value: session.json(), schema: { $ref: '#/definitions/sessionSessionResponse' } });
    sim.faults.add({ endpoint: 'stream', action: { type: 'stream-error', afterEvents: 0 } });
    const failing = watch(`${sim.url}/api/v1/stream/applications?name=web`, TOKEN);
    await failing.ended;
    others.push({ what: 'stream error', value: failing.lines[0], schema: streamSchema() });
  });

  afterAll(async () => {
    stream.close();
    await sim.close();
    for (const repo of repos) await repo.remove();
  });

  function responseSchema(path: string): Schema {
    const schema = swagger.paths[path]?.['get']?.responses['200']?.schema;
    if (!schema) throw new Error(`swagger.json lacks the answer of GET ${path}`);
    return schema;
  }

  function streamSchema(): Schema {
    const schema = swagger.paths['/api/v1/stream/applications']?.['get']?.responses['200']?.schema;
    if (!schema) throw new Error('swagger.json lacks the watch response');
    return schema;
  }

  it('emits only swagger fields, with swagger types, in every watch event', () => {
    expect(stream.lines.length).toBeGreaterThan(20);
    const problems = stream.lines.flatMap((line, i) => swaggerViolations(line, streamSchema(), `event[${i}]`));
    expect(problems).toEqual([]);
    const types = new Set(stream.lines.map((line) => line.result?.type));
    expect(types).toEqual(new Set(['ADDED', 'MODIFIED', 'DELETED']));
  });

  it('emits only swagger fields in GET/list objects, trees, errors and sessions', () => {
    const problems = [
      ...states.flatMap((app, i) => swaggerViolations(app, { $ref: '#/definitions/v1alpha1Application' }, `state[${i}]`)),
      ...others.flatMap(({ what, value, schema }) => swaggerViolations(value, schema, what)),
    ];
    expect(problems).toEqual([]);
  });

  it('encodes manifests and managed-resource states as JSON objects, "null" on a missing side', () => {
    const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);
    const manifests = reviews.manifests.flatMap((answer) => (answer as { manifests?: string[] }).manifests ?? []);
    expect(manifests.length).toBeGreaterThan(3);
    for (const text of manifests) expect(JSON.parse(text)).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String), metadata: { name: expect.any(String) } });
    const items = reviews.managed.flatMap((answer) => (answer as { items: Array<Record<string, unknown>> }).items);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      for (const field of ['targetState', 'liveState', 'normalizedLiveState', 'predictedLiveState']) {
        const state: unknown = JSON.parse(String(item[field]));
        expect(state === null || isObject(state)).toBe(true);
      }
      expect(item['liveState'] === 'null' && item['targetState'] === 'null').toBe(false);
    }
  });

  it('uses only the status values CONTRACT.md lists', () => {
    const apps = stream.lines.flatMap((line) => (line.result ? [line.result.application] : []));
    for (const app of apps) {
      expect(['Synced', 'OutOfSync', 'Unknown']).toContain(app.status.sync.status);
      const code = health(app);
      if (code !== undefined) expect(['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown']).toContain(code);
      const phase = app.status.operationState?.phase;
      if (phase !== undefined) expect(['Running', 'Terminating', 'Succeeded', 'Failed', 'Error']).toContain(phase);
      for (const condition of app.status.conditions ?? []) expect(condition.type).toMatch(/(?:Error|Warning)$/);
    }
    const seen = (predicate: (app: Application) => boolean): boolean => apps.some(predicate);
    // The scenario really went through the states the examples show.
    expect(seen((app) => app.operation !== undefined && app.status.operationState?.phase !== 'Running')).toBe(true);
    expect(seen((app) => app.status.operationState?.phase === 'Running' && health(app) === 'Progressing')).toBe(true);
    expect(seen((app) => app.status.operationState?.phase === 'Failed')).toBe(true);
    expect(seen((app) => health(app) === 'Degraded')).toBe(true);
    expect(seen((app) => (app.status.conditions ?? []).some((c) => c.type === 'ComparisonError'))).toBe(true);
    expect(seen((app) => (app.status.conditions ?? []).some((c) => c.type === 'SyncError'))).toBe(true);
    expect(seen((app) => health(app) === 'Missing')).toBe(true);
  });

  it('has the same JSON types as the real examples wherever both have a field', () => {
    const apps = [...states, ...stream.lines.flatMap((line) => (line.result ? [line.result.application] : []))];
    const problems = examples.flatMap(({ file, app: example }) => apps.flatMap((app) => typeClashes(example, app).map((p) => `${file}: ${p}`)));
    expect([...new Set(problems)]).toEqual([]);
  });

  /** Which simulator object stands for each example's state. */
  const stateFor: Record<string, (apps: Application[]) => Application | undefined> = {
    '01-healthy-synced-real-velero.json': (apps) =>
      apps.find((a) => a.metadata.name === 'manual' && a.status.operationState?.phase === 'Succeeded' && a.status.operationState.syncResult?.resources && health(a) === 'Healthy'),
    '02-healthy-synced-minimal.json': (apps) => apps.find((a) => a.metadata.labels && a.status.sync.status === 'Synced' && health(a) === 'Healthy'),
    '03-pending-operation-dryrun.json': (apps) => apps.find((a) => a.metadata.labels && a.operation && a.spec.syncPolicy?.automated && a.status.operationState?.phase !== 'Running'),
    '04-deleting-outofsync-degraded.json': (apps) => apps.find((a) => a.metadata.labels && a.spec.syncPolicy?.automated && a.status.sync.status === 'OutOfSync' && health(a) === 'Degraded'),
    '05-outofsync-degraded-with-conditions.json': (apps) => apps.find((a) => a.metadata.labels && a.status.conditions && health(a) === 'Degraded'),
    '06-operation-running-progressing.json': (apps) => apps.find((a) => a.metadata.labels && a.status.operationState?.phase === 'Running' && health(a) === 'Progressing'),
    '07-operation-succeeded-finished.json': (apps) => apps.find((a) => a.metadata.labels && a.status.operationState?.phase === 'Succeeded' && a.status.operationState.finishedAt),
    '08-single-source-operation-succeeded-syncresult.json': (apps) =>
      apps.find((a) => a.spec.source && a.spec.destination.server && a.spec.syncPolicy?.automated && a.status.operationState?.syncResult?.resources && a.status.operationState.phase === 'Succeeded'),
    '09-multi-source-operation-succeeded.json': (apps) => apps.find((a) => a.spec.sources && a.status.operationState?.syncResult?.revisions && a.status.operationState.phase === 'Succeeded'),
    '10-never-reconciled-empty-status.json': (apps) => apps.find((a) => a.metadata.name === 'fresh'),
    '11-health-unknown-stale-reconciledAt.json': (apps) => apps.find((a) => a.status.reconciledAt && a.spec.source?.targetRevision && a.spec.destination.server),
  };

  it('has every field of each real example in a simulator object of the same state', () => {
    const apps = [...states, ...stream.lines.flatMap((line) => (line.result ? [line.result.application] : []))];
    expect(Object.keys(stateFor).sort()).toEqual(examples.map((example) => example.file));
    const problems = examples.flatMap(({ file, app: example }) => {
      const match = stateFor[file]?.(apps);
      if (!match) return [`${file}: no simulator object in that state`];
      return missingFields(example, match).map((problem) => `${file}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('marks a deleted app with deletionTimestamp on its DELETED event, like the deleting example', () => {
    const deleted = stream.lines.find((line) => line.result?.type === 'DELETED')?.result?.application;
    expect(deleted?.metadata.name).toBe('manual');
    expect(deleted?.metadata.deletionTimestamp).toMatch(RFC3339);
    const example = examples.find((e) => e.file.startsWith('04-'))?.app;
    expect(typeClashes(example, deleted)).toEqual([]);
  });
});
