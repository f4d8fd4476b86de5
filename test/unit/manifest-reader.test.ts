import { describe, expect, it } from 'vitest';
import { parseKeyPath } from '../../packages/core/src/manifest/key-path';
import { readManifest, singleValue } from '../../packages/core/src/manifest/manifest-reader';
import { ManifestEditError } from '../../packages/core/src/manifest/errors';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('readManifest', () => {
  it('reads a Kustomize images entry by name and by newName, with and without a digest', () => {
    const source = `images:\n  - name: app\n    newName: ghcr.io/acme/app\n    newTag: "1.20"\n  - name: other\n    newTag: 3.1.0\n    digest: ${DIGEST}\n`;
    expect(readManifest(source, 'k.yaml', { mode: 'image', name: 'ghcr.io/acme/app' })).toEqual([
      { file: 'k.yaml', line: 4, path: 'images[0]', tag: '1.20', value: '1.20' },
    ]);
    expect(readManifest(source, 'k.yaml', { mode: 'image', name: 'other' })).toEqual([
      { file: 'k.yaml', line: 6, path: 'images[1]', tag: '3.1.0', digest: DIGEST, value: `3.1.0@${DIGEST}` },
    ]);
  });

  it('reads container image strings, Helm maps and Argo CD kustomize.images the way the editor matches them', () => {
    const deployment = 'spec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/app:2.0.1\n        - image: ghcr.io/acme/app-worker:9\n';
    expect(readManifest(deployment, 'd.yaml', { mode: 'image', name: 'ghcr.io/acme/app' }).map((v) => v.value)).toEqual(['2.0.1']);
    const helm = 'image:\n  registry: ghcr.io\n  repository: acme/app\n  tag: 1.20\n';
    expect(readManifest(helm, 'values.yaml', { mode: 'image', name: 'ghcr.io/acme/app' })).toEqual([
      { file: 'values.yaml', line: 4, path: 'image', tag: '1.20', value: '1.20' },
    ]);
    const argo = 'spec:\n  source:\n    kustomize:\n      images:\n        - app=ghcr.io/acme/app:4.5.6\n';
    expect(readManifest(argo, 'app.yaml', { mode: 'image', name: 'ghcr.io/acme/app' }).map((v) => v.tag)).toEqual(['4.5.6']);
  });

  it('reads a digest-only reference and a key path, and nothing where nothing matches', () => {
    const digestOnly = `image: ghcr.io/acme/app@${DIGEST}\n`;
    expect(readManifest(digestOnly, 'd.yaml', { mode: 'image', name: 'ghcr.io/acme/app' })[0]).toMatchObject({ digest: DIGEST, value: `@${DIGEST}` });
    const values = 'app:\n  image:\n    tag: "7.1" # pinned\n';
    expect(readManifest(values, 'v.yaml', { mode: 'key', path: parseKeyPath('app.image.tag') })).toEqual([{ file: 'v.yaml', line: 3, path: 'app.image.tag', value: '7.1' }]);
    expect(readManifest(values, 'v.yaml', { mode: 'key', path: parseKeyPath('app.nope') })).toEqual([]);
    expect(readManifest(values, 'v.yaml', { mode: 'image', name: 'ghcr.io/acme/app' })).toEqual([]);
  });
});

describe('singleValue', () => {
  it('returns the one value, and refuses none, conflicting or empty ones with the places named', () => {
    const at = (file: string, value: string) => ({ file, line: 1, path: 'p', value });
    expect(singleValue([at('a', '1'), at('b', '1')], 'Image app', 'staging').value).toBe('1');
    expect(() => singleValue([], 'Image app', 'staging')).toThrow(ManifestEditError);
    expect(() => singleValue([at('a', '1'), at('b', '2')], 'Image app', 'staging')).toThrow(/2 different values in staging: a:1 "1", b:1 "2"/);
    expect(() => singleValue([at('a', '')], 'Image app', 'staging')).toThrow(/no tag or digest/);
  });
});
