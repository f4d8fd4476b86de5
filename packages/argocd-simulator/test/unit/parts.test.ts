/**
 * The simulator's pure parts: label selectors, merge patches, image rules, fault matching,
 * manifest parsing, stage holds.
 */
import { describe, expect, it } from 'vitest';
import { FaultRegistry } from '../../src/faults';
import { Holds } from '../../src/holds';
import { compileImageMatcher, findContainerImages, imageTag } from '../../src/images';
import { parseLabelSelector, SelectorError } from '../../src/label-selector';
import { ManifestError, parseManifestFile, toResource } from '../../src/manifest-parse';
import { applyMergePatch } from '../../src/merge-patch';
import { formatTime } from '../../src/time';

describe('label selectors', () => {
  const labels = { team: 'a', tier: 'web', 'app.kubernetes.io/name': 'shop' };
  it.each([
    ['', true],
    ['team=a', true],
    ['team==a', true],
    ['team=b', false],
    ['team!=b', true],
    ['missing!=x', true],
    ['team=a,tier=web', true],
    ['team=a, tier=api', false],
    ['tier in (api,web)', true],
    ['tier in (api)', false],
    ['tier notin (api)', true],
    ['missing notin (api)', true],
    ['missing in (api)', false],
    ['team', true],
    ['!team', false],
    ['!missing', true],
    ['app.kubernetes.io/name=shop', true],
  ])('%s matches: %s', (selector, expected) => {
    expect(parseLabelSelector(selector)(labels)).toBe(expected);
  });

  it('treats an object without labels as having none', () => {
    expect(parseLabelSelector('!team')(undefined)).toBe(true);
    expect(parseLabelSelector('team')(undefined)).toBe(false);
  });

  it('accepts an empty value, which matches the empty label value (Kubernetes syntax)', () => {
    expect(parseLabelSelector('team=')({ team: '' })).toBe(true);
    expect(parseLabelSelector('team=')({ team: 'a' })).toBe(false);
  });

  it.each(['a in b', '=x', 'a b', 'a in (b'])('rejects %s', (selector) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
  });
});

describe('merge patches', () => {
  it('merges objects, replaces arrays and scalars, deletes with null', () => {
    const target: Record<string, unknown> = { a: { b: 1, c: 2 }, list: [1, 2], keep: 'x' };
    applyMergePatch(target, { a: { b: null, d: 3 }, list: [3], keep: undefined, added: { deep: true } });
    expect(target).toEqual({ a: { c: 2, d: 3 }, list: [3], keep: 'x', added: { deep: true } });
  });

  it('copies what it inserts, so later changes to the patch do not leak in', () => {
    const patch = { list: [{ x: 1 }] };
    const target: Record<string, unknown> = {};
    applyMergePatch(target, patch);
    patch.list[0] = { x: 2 };
    expect(target).toEqual({ list: [{ x: 1 }] });
  });
});

describe('images', () => {
  it('finds containers anywhere in an object, init containers and CronJob templates included', () => {
    const cronJob = {
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { spec: { initContainers: [{ name: 'init', image: 'busybox:1' }], containers: [{ name: 'job', image: 'job:2' }] } } } } },
    };
    expect(findContainerImages(cronJob)).toEqual([
      { container: 'init', image: 'busybox:1' },
      { container: 'job', image: 'job:2' },
    ]);
  });

  it.each([
    ['nginx:1.2', '1.2'],
    ['registry:5000/app', undefined],
    ['registry:5000/app:broken-1', 'broken-1'],
    ['app:v1@sha256:abc', 'v1'],
    ['app@sha256:abc', undefined],
  ])('tag of %s is %s', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });

  it('compiles declarative matchers whose fields must all hold', () => {
    const broken = compileImageMatcher({ tagPrefix: 'broken-', pattern: '^ghcr\\.io/' });
    expect(broken('ghcr.io/acme/web:broken-1')).toBe(true);
    expect(broken('docker.io/acme/web:broken-1')).toBe(false);
    expect(broken('ghcr.io/acme/web:1.0')).toBe(false);
    expect(compileImageMatcher({ images: ['a:1'] })('a:1')).toBe(true);
    expect(compileImageMatcher(null)('anything:broken-1')).toBe(false);
    expect(compileImageMatcher((image) => image.endsWith(':x'))('a:x')).toBe(true);
  });
});

describe('manifest parsing', () => {
  it('reads every document, flattens kind: List and fills in namespaces', () => {
    const text = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n',
      '# empty document\n',
      'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Service, metadata: {name: web, namespace: other}}\n  - {apiVersion: v1, kind: Namespace, metadata: {name: ns, namespace: ignored}}\n',
    ].join('---\n');
    const resources = parseManifestFile('all.yaml', text).map((object) => toResource(object, 'dest', 0));
    expect(resources.map((r) => [r.group, r.version, r.kind, r.namespace, r.name])).toEqual([
      ['apps', 'v1', 'Deployment', 'dest', 'web'],
      ['', 'v1', 'Service', 'other', 'web'],
      ['', 'v1', 'Namespace', '', 'ns'],
    ]);
  });

  it('hashes content, not key order', () => {
    const a = toResource(parseManifestFile('a.yaml', 'kind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata: {x: "1", y: "2"}\n')[0] ?? {}, 'd', 0);
    const b = toResource(parseManifestFile('b.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: {y: "2", x: "1"}\nmetadata: {name: c}\n')[0] ?? {}, 'd', 0);
    const c = toResource(parseManifestFile('c.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: {y: "3", x: "1"}\nmetadata: {name: c}\n')[0] ?? {}, 'd', 0);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
  });

  it('rejects invalid YAML and documents without a kind, naming the file', () => {
    expect(() => parseManifestFile('bad.yaml', 'a: [1\n')).toThrow(/^Failed to unmarshal "bad\.yaml": /);
    expect(() => parseManifestFile('values.yaml', 'image:\n  tag: 1\n')).toThrow(ManifestError);
    expect(() => parseManifestFile('values.yaml', 'image:\n  tag: 1\n')).toThrow(/Object 'Kind' is missing/);
  });
});

describe('fault registry', () => {
  it('fires counted faults only on matching requests, first match first', () => {
    const faults = new FaultRegistry(1);
    const counted = faults.add({ endpoint: ['get', 'refresh'], app: 'web', times: 2, action: { type: 'error', status: 503 } });
    faults.add({ token: 't2', action: { type: 'reset' } });
    const target = { endpoint: 'get' as const, app: 'web', token: 't1' };
    expect(faults.take({ ...target, app: 'api' })).toBeUndefined();
    expect(faults.take({ ...target, endpoint: 'list' })).toBeUndefined();
    expect(faults.take(target)?.type).toBe('error');
    expect(faults.take({ ...target, token: 't2' })?.type).toBe('error');
    expect(counted.active).toBe(false);
    expect(faults.take({ ...target, token: 't2' })?.type).toBe('reset');
    expect(faults.take(target)).toBeUndefined();
  });

  it('applies stream-only actions to streams alone', () => {
    const faults = new FaultRegistry(1);
    faults.add({ action: { type: 'stream-drop' } });
    expect(faults.take({ endpoint: 'get', app: undefined, token: undefined })).toBeUndefined();
    expect(faults.take({ endpoint: 'stream', app: undefined, token: undefined })?.type).toBe('stream-drop');
  });

  it('is repeatable for a seed and removable by id', () => {
    const fire = (seed: number): boolean[] => {
      const faults = new FaultRegistry(seed);
      faults.add({ probability: 0.3, action: { type: 'stall' } });
      return Array.from({ length: 50 }, () => faults.take({ endpoint: 'get', app: undefined, token: undefined }) !== undefined);
    };
    expect(fire(3)).toEqual(fire(3));
    expect(fire(3).filter(Boolean).length).toBeGreaterThan(0);
    const faults = new FaultRegistry(1);
    const handle = faults.add({ action: { type: 'stall' } });
    expect(faults.remove(handle.id)).toBe(true);
    expect(faults.list()).toEqual([]);
  });
});

describe('holds', () => {
  it('blocks a stage of one app until released, leaving other apps alone', async () => {
    const holds = new Holds();
    const signal = new AbortController().signal;
    const release = holds.hold('sync', 'argocd/web');
    let passed = false;
    const waiting = holds.pass('sync', 'argocd/web', signal).then(() => (passed = true));
    await holds.pass('sync', 'argocd/api', signal);
    await holds.pass('rollout', 'argocd/web', signal);
    await Promise.resolve();
    expect(passed).toBe(false);
    release();
    await waiting;
    expect(passed).toBe(true);
  });

  it('lets everything through once the simulator aborts', async () => {
    const holds = new Holds();
    const controller = new AbortController();
    holds.hold('refresh');
    const waiting = holds.pass('refresh', 'argocd/any', controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
  });
});

it('formats times as Kubernetes does: UTC, whole seconds', () => {
  expect(formatTime(new Date(Date.UTC(2025, 0, 29, 8, 42, 34, 987)))).toBe('2025-01-29T08:42:34Z');
});
