/**
 * The promotion body's "What Argo CD will change" section: one line per app, a <details> block per
 * resource with a ```diff that nothing in the diff can close, Secrets by key only, and a character
 * budget met by dropping whole resources from the end with "N more resources changed: see …".
 */
import { describe, expect, it } from 'vitest';
import { diffResources, type ManagedResource, type ResourceChange, type ResourceDiff } from '../../packages/core/src/argocd';
import { argoCdDiffSection, type AppDiffReport } from '../../packages/core/src/promotion/review/argocd-diff-section';

const json = (value: unknown): string => JSON.stringify(value);
const SHA = '0123456789abcdef0123456789abcdef01234567';
const APP_URL = 'https://argocd.example/applications/argocd/web-prod?view=tree&resource=';

function configMap(name: string, data: Record<string, string>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'shop' }, data };
}

function live(object: Record<string, unknown>): ManagedResource {
  const metadata = object.metadata as { name: string; namespace: string };
  return { kind: String(object.kind), namespace: metadata.namespace, name: metadata.name, targetState: json(object), liveState: json(object), normalizedLiveState: json(object) };
}

function report(diff: ResourceDiff, overrides: Partial<AppDiffReport> = {}): AppDiffReport {
  return { application: 'web-prod', revision: SHA, outcome: { diff }, seeAll: APP_URL, ...overrides };
}

const imageBump = diffResources(
  { manifests: [json({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { template: { spec: { containers: [{ name: 'web', image: 'web:1.4.2' }] } } } })] },
  [live({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { template: { spec: { containers: [{ name: 'web', image: 'web:1.4.1' }] } } } })].map((resource) => ({ ...resource, group: 'apps' })),
);

describe('argoCdDiffSection', () => {
  it('an image bump: heading, the app with the revision and counts, the resource open with its diff', () => {
    expect(argoCdDiffSection({ environment: 'production', apps: [report(imageBump)], budget: 65_536 })).toBe(
      [
        '### What Argo CD will change in production',
        '',
        '`web-prod` at `0123456789ab`: 1 changed, 0 added, 0 removed.',
        '',
        '<details open><summary><code>Deployment shop/web</code> changed</summary>',
        '',
        '```diff',
        '@@ -8,4 +8,4 @@',
        '     spec:',
        '       containers:',
        '         - name: web',
        '-          image: web:1.4.1',
        '+          image: web:1.4.2',
        '```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('several apps: one with changes, one whose diff failed (one line why), one rendering the same resources', () => {
    const text = argoCdDiffSection({
      environment: 'production',
      apps: [
        report(imageBump),
        report(imageBump, { application: 'argocd/web-eu', outcome: { error: 'Argo CD answered 403 (permission denied) for GET /api/v1/applications/web-eu/manifests' } }),
        report({ changes: [], maskedSecrets: [{ group: '', kind: 'Secret', namespace: 'shop', name: 'db' }] }, { application: 'web-us', revision: 'v2.0.0' }),
      ],
      budget: 65_536,
    });
    expect(text).toContain("\n\n`argocd/web-eu` at `0123456789ab`: Argo CD's diff is not available: `Argo CD answered 403 (permission denied) for GET /api/v1/applications/web-eu/manifests`.\n\n");
    expect(text).toContain('\n\n`web-us` at `v2.0.0`: Argo CD renders the same resources as the application runs now.\n\nSecrets whose keys are unchanged but whose values Argo CD masks, so they may have changed: `shop/db`.\n');
    expect(text.match(/<details/g)).toHaveLength(1);
  });

  it('a Secret lists its keys and never a value, masked or not', () => {
    const secret = (data: Record<string, string>, labels: Record<string, string>): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop', labels }, type: 'Opaque', data });
    const rendered = secret({ password: 'bmV3LXBhc3N3b3Jk', token: 'dG9rZW4tdmFsdWU=' }, { app: 'db', tier: 'data' });
    const target = secret({ password: '++++++++', user: '++++++++' }, { app: 'db' });
    const current = secret({ password: '++++++++++++', user: '++++++++' }, { app: 'db' });
    const diff = diffResources({ manifests: [json(rendered)] }, [{ kind: 'Secret', namespace: 'shop', name: 'db', targetState: json(target), liveState: json(current), normalizedLiveState: json(current) }]);
    const text = argoCdDiffSection({ environment: 'production', apps: [report(diff)], budget: 65_536 });
    expect(text).toContain('Secret keys (values are never shown): `password` may have changed, `token` added, `user` removed.');
    expect(text).toContain('+    tier: data');
    for (const value of ['bmV3LXBhc3N3b3Jk', 'dG9rZW4tdmFsdWU=', 'new-password', 'token-value', '++++']) expect(text).not.toContain(value);
  });

  it('a diff containing ``` keeps its fence: the fence is longer than any backtick run inside', () => {
    const readme = '```sh\nmake deploy\n```';
    const diff = diffResources({ manifests: [json(configMap('docs', { 'README.md': `${readme}\nv2` }))] }, [live(configMap('docs', { 'README.md': `${readme}\nv1` }))]);
    const text = argoCdDiffSection({ environment: 'production', apps: [report(diff)], budget: 65_536 });
    const fenced = /\n(`{3,})diff\n([\s\S]*?)\n\1\n/.exec(text);
    expect(fenced?.[1]).toBe('````');
    expect(fenced?.[2]).toContain('```sh');
    expect(fenced?.[2]).toContain('+    v2');
  });

  it('a short diff is open, a long one (over 30 lines) collapsed', () => {
    const many = (prefix: string): Record<string, string> => Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`key${String(index).padStart(2, '0')}`, `${prefix}${index}`]));
    const diff = diffResources({ manifests: [json(configMap('big', many('new'))), json(configMap('small', { a: '2' }))] }, [live(configMap('big', many('old'))), live(configMap('small', { a: '1' }))]);
    const text = argoCdDiffSection({ environment: 'production', apps: [report(diff)], budget: 65_536 });
    expect(text).toContain('<details><summary><code>ConfigMap shop/big</code> changed</summary>');
    expect(text).toContain('<details open><summary><code>ConfigMap shop/small</code> changed</summary>');
  });

  describe('budget', () => {
    const names = Array.from({ length: 40 }, (_, index) => `cm-${String(index).padStart(2, '0')}`);
    const changes = diffResources({ manifests: names.map((name) => json(configMap(name, { value: `${name}-new-${'x'.repeat(200)}` }))) }, names.map((name) => live(configMap(name, { value: `${name}-old` }))));

    it('over budget: whole resources are dropped from the end, counted, and the reader told where to see them', () => {
      const full = argoCdDiffSection({ environment: 'production', apps: [report(changes)], budget: 1_000_000 });
      const text = argoCdDiffSection({ environment: 'production', apps: [report(changes)], budget: 6_000 });
      expect(full.length).toBeGreaterThan(6_000);
      expect(text.length).toBeLessThanOrEqual(6_000);
      const shown = [...text.matchAll(/<code>ConfigMap shop\/(cm-\d+)<\/code>/g)].map((match) => match[1]);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).toEqual(names.slice(0, shown.length));
      expect(text).toContain(`\n\n${names.length - shown.length} more resources changed: see <${APP_URL}>.\n`);
      expect(text).toContain('`web-prod` at `0123456789ab`: 40 changed, 0 added, 0 removed.');
      // The budget is met exactly: at its own length the text fits as is; one character less drops a resource.
      expect(argoCdDiffSection({ environment: 'production', apps: [report(changes)], budget: text.length })).toBe(text);
      expect(argoCdDiffSection({ environment: 'production', apps: [report(changes)], budget: text.length - 1 }).match(/<details/g)).toHaveLength(shown.length - 1);
      // Each kept block is whole: every opened fence and <details> is closed.
      expect(text.match(/<details/g)?.length).toBe(text.match(/<\/details>/g)?.length);
    });

    it('where to see them may be a command, shown as code; one dropped resource is said in the singular', () => {
      const full = argoCdDiffSection({ environment: 'production', apps: [report(changes, { seeAll: 'argocd app diff web-prod --revision 0123456' })], budget: 1_000_000 });
      const lastBlock = full.lastIndexOf('<details');
      const text = argoCdDiffSection({ environment: 'production', apps: [report(changes, { seeAll: 'argocd app diff web-prod --revision 0123456' })], budget: lastBlock + 100 });
      expect(text).toContain('\n\n1 more resource changed: see `argocd app diff web-prod --revision 0123456`.\n');
    });
  });

  it('a very long diff is cut at 300 lines, saying how many more and where', () => {
    const many = (prefix: string): Record<string, string> => Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`key${String(index).padStart(3, '0')}`, `${prefix}${index}`]));
    const diff = diffResources({ manifests: [json(configMap('huge', many('new')))] }, [live(configMap('huge', many('old')))]);
    const text = argoCdDiffSection({ environment: 'production', apps: [report(diff)], budget: 65_536 });
    const body = /```diff\n([\s\S]*?)\n```/.exec(text)?.[1] ?? '';
    expect(body.split('\n')).toHaveLength(300);
    expect(text).toContain(`${(diff.changes[0] as ResourceChange).diff.split('\n').length - 300} more lines of this diff: see <${APP_URL}>.`);
  });

  it('names and the environment are escaped: HTML in <summary>, Markdown in lines', () => {
    const change: ResourceChange = { group: 'example.com', kind: 'Widget<img src=x>', namespace: 'shop', name: 'a&b', change: 'added', diff: '@@ -0,0 +1,1 @@\n+kind: x' };
    const text = argoCdDiffSection({ environment: 'prod_*eu*', apps: [report({ changes: [change], maskedSecrets: [] }, { application: 'web|prod' })], budget: 65_536 });
    expect(text).toContain('<summary><code>Widget&#60;img src=x&#62; shop/a&#38;b</code> added</summary>');
    expect(text).toContain('### What Argo CD will change in `prod_*eu*`');
    expect(text).toContain('`web\\|prod` at');
  });

  it('is deterministic: inputs in another order give the same text', () => {
    const objects = ['a', 'b', 'c'].map((name) => configMap(name, { v: '2' }));
    const managed = ['a', 'b', 'c'].map((name) => live(configMap(name, { v: '1' })));
    const once = argoCdDiffSection({ environment: 'production', apps: [report(diffResources({ manifests: objects.map(json) }, managed))], budget: 65_536 });
    const again = argoCdDiffSection({ environment: 'production', apps: [report(diffResources({ manifests: [...objects].reverse().map(json) }, [managed[1]!, managed[2]!, managed[0]!]))], budget: 65_536 });
    expect(again).toBe(once);
  });
});
