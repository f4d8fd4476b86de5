/**
 * Choosing an environment's values (promotion/value-set): selected from the source files,
 * compared with the target's, errors naming every image or key that cannot be promoted.
 */
import { describe, expect, it } from 'vitest';
import { ManifestEditError } from '../../../packages/core/src/manifest/errors';
import { parseKeyPath } from '../../../packages/core/src/manifest/key-path';
import { changesJson, selectValues, setName, shortValues } from '../../../packages/core/src/promotion/value-set';

const deployment = (...images: string[]) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n${images.map((image, index) => `        - name: c${index}\n          image: ${image}\n`).join('')}`;
const source = [{ file: 'staging/app.yaml', source: deployment('nginx:1.27', 'ghcr.io/acme/api:1.1.0', 'ghcr.io/acme/web:2.0') }];
const target = [{ file: 'prod/app.yaml', source: deployment('docker.io/library/nginx:1.25', 'ghcr.io/acme/api:1.0.0', 'ghcr.io/acme/web:2.0') }];

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('selectValues', () => {
  it('all: every image the source references, one per image however spelled, the running ones marked', () => {
    const values = selectValues({ images: 'all', excludeImages: [], keys: [] }, { source, target });
    expect(values.map((value) => [value.name, value.value, value.previous, value.skipped?.reason])).toEqual([
      ['ghcr.io/acme/api', '1.1.0', ['1.0.0'], undefined],
      ['ghcr.io/acme/web', '2.0', ['2.0'], 'running'],
      ['nginx', '1.27', ['1.25'], undefined],
    ]);
    expect(values[2]?.request).toEqual({ mode: 'image', image: { name: 'nginx', tag: '1.27' } });
    expect(JSON.parse(changesJson(values))[1]).toEqual({ image: 'ghcr.io/acme/web', previous: ['2.0'], value: '2.0', skipped: 'running' });
    expect(setName(values)).toBe('3 images');
    expect(shortValues(values, undefined, 2)).toBe('api 1.1.0, web 2.0 (+1 more)');
  });

  it('a list, with excludes matched on the name as written or as it runs', () => {
    const listed = selectValues({ images: ['docker.io/library/nginx', 'ghcr.io/acme/api'], excludeImages: ['docker.io/library/*'], keys: [] }, { source, target });
    expect(listed.map((value) => value.name)).toEqual(['ghcr.io/acme/api']);
    const all = selectValues({ images: 'all', excludeImages: ['ghcr.io/acme/*'], keys: [] }, { source, target });
    expect(all.map((value) => value.name)).toEqual(['nginx']);
  });

  it('names every image or key the source does not set, then every one the target does not reference', () => {
    const notInSource = failure(() => selectValues({ images: ['ghcr.io/acme/typo', 'ghcr.io/acme/api'], excludeImages: [], keys: [parseKeyPath('replicas')] }, { source, target }));
    expect(notInSource).toBeInstanceOf(ManifestEditError);
    expect(notInSource.message).toBe('Not set in the source files (staging/app.yaml): ghcr.io/acme/typo, replicas.');
    const onlyStaging = [{ file: 'staging/app.yaml', source: deployment('ghcr.io/acme/debug:0.1', 'ghcr.io/acme/api:1.1.0') }];
    const notInTarget = failure(() => selectValues({ images: 'all', excludeImages: [], keys: [] }, { source: onlyStaging, target }));
    expect(notInTarget.message).toBe('Not referenced in the target files (prod/app.yaml), so there is nothing to edit: ghcr.io/acme/debug.');
  });

  it('a source that gives an image two values is refused, naming both places', () => {
    const split = [...source, { file: 'staging/other.yaml', source: deployment('ghcr.io/acme/api:1.2.0') }];
    expect(failure(() => selectValues({ images: ['ghcr.io/acme/api'], excludeImages: [], keys: [] }, { source: split, target })).message).toMatch(
      /^Image ghcr\.io\/acme\/api has 2 different values in staging\/app\.yaml, staging\/other\.yaml/,
    );
  });
});
