/**
 * What Argo CD will change: the objects it renders for the promotion's head against what the
 * Application runs (managed-resources' normalized live state). Only fields the manifests set count;
 * Secret values never appear; the result does not depend on the order of either input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffResources, type ManagedResource, type ManifestsResponse } from '../../packages/core/src/argocd';
import { ArgoCdProtocolError } from '../../packages/core/src/argocd/errors';

type Obj = Record<string, unknown>;
const json = (value: unknown): string => JSON.stringify(value);
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** A Deployment as kustomize renders it: only what the manifests set. */
function renderedDeployment(image: string, { replicas = 2, env = [{ name: 'LOG_LEVEL', value: 'info' }] }: { replicas?: number; env?: Obj[] } = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, creationTimestamp: null },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, creationTimestamp: null },
        spec: { containers: [{ name: 'web', image, env, ports: [{ containerPort: 8080 }], resources: {} }] },
      },
    },
    status: {},
  };
}

/** The same Deployment as the cluster holds it: server defaults, bookkeeping, Argo CD's tracking, status. */
function liveDeployment(image: string, { replicas = 2, env = [{ name: 'LOG_LEVEL', value: 'info' }] }: { replicas?: number; env?: Obj[] } = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: '6f1c0d5e-0a52-4c4c-9d59-3f0d2a7c1b11',
      resourceVersion: '48213',
      generation: 7,
      creationTimestamp: '2030-01-01T00:00:00Z',
      managedFields: [{ manager: 'argocd-controller', operation: 'Apply' }],
      labels: { app: 'web', 'app.kubernetes.io/instance': 'web-prod' },
      annotations: { 'argocd.argoproj.io/tracking-id': 'web-prod:apps/Deployment:shop/web', 'deployment.kubernetes.io/revision': '7', 'kubectl.kubernetes.io/last-applied-configuration': '{"big":"blob"}' },
    },
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'web', image, env, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: {} }],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
        },
      },
    },
    status: { replicas, readyReplicas: replicas, observedGeneration: 7 },
  };
}

function managedResource(id: { group?: string; kind: string; namespace?: string; name: string }, states: { target?: Obj; live?: Obj; normalized?: Obj; hook?: boolean }): ManagedResource {
  return {
    ...id,
    targetState: states.target ? json(states.target) : 'null',
    liveState: states.live ? json(states.live) : 'null',
    normalizedLiveState: json(states.normalized ?? states.live ?? null),
    ...(states.hook ? { hook: true } : {}),
  };
}

const webId = { group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' };
const manifests = (...objects: Obj[]): ManifestsResponse => ({ manifests: objects.map(json), revision: 'a'.repeat(40), namespace: 'shop' });

describe('diffResources', () => {
  it('a Kustomize image bump is one changed line; server defaults, status and tracking fields stay out', () => {
    const result = diffResources(manifests(renderedDeployment('registry.example/web:1.4.2')), [
      managedResource(webId, { target: renderedDeployment('registry.example/web:1.4.1'), live: liveDeployment('registry.example/web:1.4.1') }),
    ]);
    expect(result.maskedSecrets).toEqual([]);
    expect(result.changes).toEqual([
      {
        ...webId,
        change: 'changed',
        diff: [
          '@@ -20,7 +20,7 @@',
          '           env:',
          '             - name: LOG_LEVEL',
          '               value: info',
          '-          image: registry.example/web:1.4.1',
          '+          image: registry.example/web:1.4.2',
          '           ports:',
          '             - containerPort: 8080',
          '           resources: {}',
        ].join('\n'),
      },
    ]);
  });

  it('an object Argo CD runs exactly as rendered (defaults and bookkeeping aside) is left out', () => {
    const image = 'registry.example/web:1.4.2';
    const result = diffResources(manifests(renderedDeployment(image)), [managedResource(webId, { target: renderedDeployment(image), live: liveDeployment(image) })]);
    expect(result).toEqual({ changes: [], maskedSecrets: [] });
  });

  it('a Helm values change (replicas and an env var) shows both, and nothing the chart does not set', () => {
    const image = 'registry.example/web:2.0.0';
    const next = { replicas: 3, env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'FEATURE_X', value: 'on' }] };
    const result = diffResources(manifests(renderedDeployment(image, next)), [managedResource(webId, { target: renderedDeployment(image), live: liveDeployment(image) })]);
    const diff = result.changes[0]?.diff ?? '';
    expect(diff.split('\n').filter((line) => /^[-+]/.test(line))).toEqual([
      '-  replicas: 2',
      '+  replicas: 3',
      '-              value: info',
      '+              value: debug',
      '+            - name: FEATURE_X',
      '+              value: "on"',
    ]);
    expect(diff).not.toMatch(/revisionHistoryLimit|imagePullPolicy|dnsPolicy|protocol|status|uid|managedFields|tracking-id|last-applied|app.kubernetes.io\/instance/);
  });

  it("a field the app's ignoreDifferences excludes (replicas, owned by an HPA) is not a change", () => {
    const image = 'registry.example/web:1.4.2';
    const live = liveDeployment(image, { replicas: 7 });
    const normalized = structuredClone(live) as { spec: Obj };
    delete normalized.spec.replicas;
    const result = diffResources(manifests(renderedDeployment(image, { replicas: 3 })), [managedResource(webId, { target: renderedDeployment(image, { replicas: 3 }), live, normalized })]);
    expect(result.changes).toEqual([]);
  });

  it('a field the previous manifests set and the new ones drop shows as removed (seen through the target state)', () => {
    const image = 'registry.example/web:1.4.2';
    const withArgs = (object: Obj): Obj => {
      const copy = structuredClone(object) as { spec: { template: { spec: { containers: Obj[] } } } };
      copy.spec.template.spec.containers[0]!.args = ['--verbose'];
      return copy;
    };
    const result = diffResources(manifests(renderedDeployment(image)), [managedResource(webId, { target: withArgs(renderedDeployment(image)), live: withArgs(liveDeployment(image)) })]);
    expect(result.changes[0]?.diff.split('\n').filter((line) => /^[-+]/.test(line))).toEqual(['-          args:', '-            - --verbose']);
  });

  it('a resource rendered but not running is added (whole YAML, all +); one no longer rendered is removed (all -)', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-flags', namespace: 'shop' }, data: { FEATURE_X: 'on' } };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-legacy', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } };
    const image = 'registry.example/web:1.4.2';
    const result = diffResources(manifests(renderedDeployment(image), configMap), [
      managedResource(webId, { target: renderedDeployment(image), live: liveDeployment(image) }),
      managedResource({ kind: 'Service', namespace: 'shop', name: 'web-legacy' }, { target: service, live: { ...service, spec: { ports: [{ port: 80, protocol: 'TCP' }], clusterIP: '10.0.0.1' } } }),
      // In the current target but never synced: rendered again, it is added.
      managedResource({ kind: 'ConfigMap', namespace: 'shop', name: 'web-flags' }, { target: configMap }),
    ]);
    expect(result.changes).toEqual([
      { group: '', kind: 'ConfigMap', namespace: 'shop', name: 'web-flags', change: 'added', diff: ['@@ -0,0 +1,7 @@', '+apiVersion: v1', '+kind: ConfigMap', '+metadata:', '+  name: web-flags', '+  namespace: shop', '+data:', '+  FEATURE_X: "on"'].join('\n') },
      { group: '', kind: 'Service', namespace: 'shop', name: 'web-legacy', change: 'removed', diff: ['@@ -1,8 +0,0 @@', '-apiVersion: v1', '-kind: Service', '-metadata:', '-  name: web-legacy', '-  namespace: shop', '-spec:', '-  ports:', '-    - port: 80'].join('\n') },
    ]);
  });

  it('an added or removed object shows no status, server bookkeeping or tracking, even without a target state', () => {
    const rendered = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', namespace: 'shop', creationTimestamp: null }, status: {} };
    const running = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'stale', namespace: 'shop', uid: 'u-1', resourceVersion: '9', creationTimestamp: '2030-01-01T00:00:00Z', managedFields: [{ manager: 'kubectl' }], labels: { 'app.kubernetes.io/instance': 'web-prod' }, annotations: { 'argocd.argoproj.io/tracking-id': 'web-prod:/ConfigMap:shop/stale' } },
      data: { a: '1' },
      status: { note: 'not a real field' },
    };
    const result = diffResources(manifests(rendered), [managedResource({ kind: 'ConfigMap', namespace: 'shop', name: 'stale' }, { live: running })]);
    expect(result.changes.map((change) => change.diff)).toEqual([
      ['@@ -1,7 +0,0 @@', '-apiVersion: v1', '-kind: ConfigMap', '-metadata:', '-  name: stale', '-  namespace: shop', '-data:', '-  a: "1"'].join('\n'),
      ['@@ -0,0 +1,5 @@', '+apiVersion: v1', '+kind: ServiceAccount', '+metadata:', '+  name: web', '+  namespace: shop'].join('\n'),
    ]);
  });

  it('a rendered object without a namespace is matched in the destination namespace; a cluster-scoped kind is not', () => {
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    const rendered = renderedDeployment('registry.example/web:1.4.2') as { metadata: Obj };
    delete rendered.metadata.namespace;
    // A cluster-scoped kind of a CRD, which this module cannot know is cluster-scoped: matched by the managed resource.
    const policy = { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'require-labels' }, spec: { background: true } };
    const result = diffResources(manifests(rendered, namespace, policy), [
      managedResource(webId, { target: rendered, live: liveDeployment('registry.example/web:1.4.2') }),
      managedResource({ kind: 'Namespace', name: 'shop' }, { target: namespace, live: { ...namespace, status: { phase: 'Active' } } }),
      managedResource({ group: 'kyverno.io', kind: 'ClusterPolicy', name: 'require-labels' }, { target: policy, live: policy }),
    ]);
    expect(result.changes).toEqual([]);
  });

  it('Argo CD 3.x says no namespace in the manifests answer: it comes from the option, the tracking id, or the only managed match', () => {
    const image = 'registry.example/web:1.4.2';
    const bare = (annotations?: Obj): Obj => {
      const object = renderedDeployment(image) as { metadata: Obj };
      delete object.metadata.namespace;
      if (annotations) object.metadata.annotations = annotations;
      return object;
    };
    const running = [managedResource(webId, { target: renderedDeployment(image), live: liveDeployment(image) })];
    const answer = (object: Obj): ManifestsResponse => ({ manifests: [json(object)] });
    expect(diffResources(answer(bare()), running, { namespace: 'shop' }).changes).toEqual([]);
    expect(diffResources(answer(bare({ 'argocd.argoproj.io/tracking-id': 'web-prod:apps/Deployment:shop/web' })), running).changes).toEqual([]);
    expect(diffResources(answer(bare()), running).changes).toEqual([]);
    // Added, it is shown in the namespace its tracking id names.
    const added = diffResources(answer(bare({ 'argocd.argoproj.io/tracking-id': 'web-prod:apps/Deployment:shop/web' })), []);
    expect(added.changes.map(({ namespace, change }) => ({ namespace, change }))).toEqual([{ namespace: 'shop', change: 'added' }]);
  });

  it('an empty normalizedLiveState (older servers, a resource in sync) falls back to the live state', () => {
    const image = 'registry.example/web:1.4.2';
    const resource = { ...managedResource(webId, { target: renderedDeployment(image), live: liveDeployment(image) }), normalizedLiveState: '' };
    expect(diffResources(manifests(renderedDeployment(image)), [resource]).changes).toEqual([]);
  });

  it('hooks are left out on both sides', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'shop', annotations: { 'argocd.argoproj.io/hook': 'PreSync' } }, spec: {} };
    const result = diffResources(manifests(job), [managedResource({ group: 'batch', kind: 'Job', namespace: 'shop', name: 'db-seed' }, { live: job, hook: true })]);
    expect(result.changes).toEqual([]);
  });

  describe('Secrets: keys only, never a value', () => {
    const secretId = { kind: 'Secret', namespace: 'shop', name: 'db' };
    const secret = (fields: Obj, labels: Obj = { app: 'web' }): Obj => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop', labels }, type: 'Opaque', ...fields });
    const VALUES = ['s3cr3t-new', 's3cr3t-old', 'hunter2', 'admin', b64('s3cr3t-new'), b64('s3cr3t-old'), b64('hunter2'), b64('admin')];

    function expectNoValue(result: unknown): void {
      const text = json(result);
      for (const value of VALUES) expect(text).not.toContain(value);
      // Not even Argo CD's masks.
      expect(text).not.toMatch(/\+\+\+/);
    }

    it('masked by Argo CD (as its API answers): added and removed keys, a live value drifted from the target, unknowns said so', () => {
      // manifests masks each rendered Secret alone; managed-resources masks target and live together.
      const rendered = secret({ data: { password: '++++++++', user: '++++++++', token: '++++++++' } }, { app: 'web', tier: 'db' });
      const target = secret({ data: { password: '++++++++', user: '++++++++', legacy: '++++++++' } });
      const live = secret({ data: { password: '++++++++', user: '++++++++++++', legacy: '++++++++' } });
      const result = diffResources(manifests(rendered), [managedResource(secretId, { target, live })]);
      expect(result.changes).toEqual([
        {
          group: '',
          ...secretId,
          change: 'changed',
          diff: ['@@ -5,4 +5,5 @@', '   namespace: shop', '   labels:', '     app: web', '+    tier: db', ' type: Opaque'].join('\n'),
          secretKeys: [
            { key: 'legacy', change: 'removed' },
            { key: 'token', change: 'added' },
            { key: 'user', change: 'may have changed' },
          ],
          unverifiedSecretKeys: ['password'],
        },
      ]);
      expectNoValue(result);
    });

    it('unmasked values (rendered stringData against live data) are compared in base64: changed, and unchanged left out', () => {
      const rendered = secret({ stringData: { password: 's3cr3t-new', user: 'admin' } });
      const live = secret({ data: { password: b64('s3cr3t-old'), user: b64('admin') } });
      const result = diffResources(manifests(rendered), [managedResource(secretId, { target: rendered, live })]);
      expect(result.changes).toEqual([{ group: '', ...secretId, change: 'changed', diff: '', secretKeys: [{ key: 'password', change: 'changed' }], unverifiedSecretKeys: [] }]);
      expectNoValue(result);
      const same = diffResources(manifests(rendered), [managedResource(secretId, { target: rendered, live: secret({ data: { password: b64('s3cr3t-new'), user: b64('admin') } }) })]);
      expect(same).toEqual({ changes: [], maskedSecrets: [] });
    });

    it('same keys, same fields, masked values: not a change, but listed as a Secret that may differ', () => {
      const masked = secret({ data: { password: '++++++++' } });
      const result = diffResources(manifests(masked), [managedResource(secretId, { target: masked, live: masked })]);
      expect(result).toEqual({ changes: [], maskedSecrets: [{ group: '', ...secretId }] });
    });

    it('an added and a removed Secret list their keys, not their values', () => {
      const added = secret({ stringData: { password: 'hunter2' } });
      const removed = { ...secret({ data: { user: b64('admin') } }), metadata: { name: 'old', namespace: 'shop' } };
      // Only its live state is known, and kubectl's last-applied annotation there holds the values too.
      const running = { ...removed, metadata: { ...removed.metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': json(removed) } } };
      const result = diffResources(manifests(added), [managedResource({ kind: 'Secret', namespace: 'shop', name: 'old' }, { live: running })]);
      expect(result.changes.map(({ name, change, secretKeys }) => ({ name, change, secretKeys }))).toEqual([
        { name: 'db', change: 'added', secretKeys: [{ key: 'password', change: 'added' }] },
        { name: 'old', change: 'removed', secretKeys: [{ key: 'user', change: 'removed' }] },
      ]);
      expectNoValue(result);
    });
  });

  it('the same inputs in any order give the same result, sorted by group, kind, namespace, name', () => {
    const objects = [
      renderedDeployment('registry.example/web:1.4.2'),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'shop' }, data: { x: '1' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'shop' }, data: { x: '1' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', namespace: 'shop' }, spec: {} },
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'shop' }, spec: {} },
    ];
    const managed = [
      managedResource(webId, { target: renderedDeployment('registry.example/web:1.4.1'), live: liveDeployment('registry.example/web:1.4.1') }),
      managedResource({ kind: 'ConfigMap', namespace: 'other', name: 'gone' }, { live: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gone', namespace: 'other' } } }),
    ];
    const expected = diffResources(manifests(...objects), managed);
    expect(expected.changes.map((change) => `${change.group}/${change.kind}/${change.namespace}/${change.name}`)).toEqual([
      '/ConfigMap/other/gone',
      '/ConfigMap/shop/a',
      '/ConfigMap/shop/b',
      '/Service/shop/a',
      'apps/Deployment/shop/web',
      'networking.k8s.io/Ingress/shop/web',
    ]);
    // Key order inside each object does not matter either.
    const reversedKeys = (value: unknown): unknown => (Array.isArray(value) ? value.map(reversedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)])) : value);
    for (const seed of [1, 2, 3]) {
      const shuffled = (list: readonly Obj[]): Obj[] => [...list].sort((a, b) => (json(a).length * seed) % 7 - (json(b).length * seed) % 7).reverse();
      const again = diffResources(manifests(...shuffled(objects).map((object) => reversedKeys(object) as Obj)), [...managed].reverse());
      expect(again).toEqual(expected);
    }
  });

  it('a rewrite too large to diff line by line (over 1,000 edits) is shown replaced whole, one hunk', () => {
    const big = (prefix: string): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'shop' }, data: Object.fromEntries(Array.from({ length: 3_000 }, (_, index) => [`k${index}`, `${prefix}-${index}`])) });
    const result = diffResources(manifests(big('new')), [managedResource({ kind: 'ConfigMap', namespace: 'shop', name: 'big' }, { target: big('old'), live: big('old') })]);
    const lines = result.changes[0]?.diff.split('\n') ?? [];
    expect(lines[0]).toBe('@@ -1,3006 +1,3006 @@');
    expect(lines.slice(1, 3)).toEqual(['-apiVersion: v1', '-kind: ConfigMap']);
    expect(lines.slice(3007, 3009)).toEqual(['+apiVersion: v1', '+kind: ConfigMap']);
    expect(lines).toHaveLength(1 + 2 * 3006);
  });

  it('a rendered manifest that is not JSON is a protocol error naming it', () => {
    expect(() => diffResources({ manifests: ['{"kind":'] }, [])).toThrow(ArgoCdProtocolError);
    expect(() => diffResources({ manifests: ['{"kind":'] }, [])).toThrow(/manifests\[0\]/);
  });

  it('property: whatever the Secret values (data or stringData, in the live last-applied annotation too) and input order, none reaches the result, and the result is the same', () => {
    // The Zq9 prefix (uppercase, which no key or fixed text here has) makes a value appear only if it leaked.
    const value = fc.stringMatching(/^[A-Za-z0-9+/=]{3,21}$/).map((text) => `Zq9${text}`);
    const keys = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}$/), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(keys, keys, fc.array(value, { minLength: 10, maxLength: 10 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), (renderedKeys, liveKeys, values, plain, rotation) => {
        const pick = (list: readonly string[], offset: number): Obj => Object.fromEntries(list.map((key, index) => [key, values[(index + offset) % values.length]!]));
        const rendered = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, [plain ? 'stringData' : 'data']: pick(renderedKeys, 0) };
        const running = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': json({ data: pick(liveKeys, 5) }) } }, data: pick(liveKeys, 5) };
        const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' }, data: { a: 'b' } };
        const managed = [managedResource({ kind: 'Secret', namespace: 'shop', name: 'db' }, { target: running, live: running }), managedResource({ kind: 'Secret', namespace: 'shop', name: 'gone' }, { live: { ...running, metadata: { name: 'gone', namespace: 'shop' } } })];
        const objects = [rendered, other, { ...rendered, metadata: { name: 'new', namespace: 'shop' } }];
        const result = diffResources(manifests(...objects), managed);
        const text = json(result);
        for (const secretValue of values) {
          expect(text).not.toContain(secretValue);
          expect(text).not.toContain(b64(secretValue));
        }
        const rotated = [...objects.slice(rotation % objects.length), ...objects.slice(0, rotation % objects.length)];
        expect(diffResources(manifests(...rotated), [...managed].reverse())).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});
