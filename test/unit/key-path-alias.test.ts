import { describe, expect, it } from 'vitest';
import { ManifestEditError } from '../../packages/core/src/manifest/errors';
import { parseKeyPath } from '../../packages/core/src/manifest/key-path';
import { editManifest } from '../../packages/core/src/manifest/manifest-editor';
import { thrownBy } from '../support/errors';

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const setKey = (source: string, key: string, value: string) => editManifest(source, 'env.yaml', { mode: 'key', path: parseKeyPath(key), value });

function refusal(source: string, key: string): ManifestEditError {
  return thrownBy(() => setKey(source, key, 'new'), ManifestEditError);
}

describe('key mode refuses a path through an alias', () => {
  it.each([
    {
      name: 'a flow map alias (the issue)',
      source: yaml('base: &base {tag: 1}', 'prod: *base'),
      key: 'prod.tag',
      message: "env.yaml:2: key 'prod.tag' goes through the alias '*base' at 'prod', which stands for the anchor '&base' at env.yaml:1 ('base'); setting it would change every use of that anchor.",
      ownPath: 'base.tag',
    },
    {
      name: 'a block map alias: the anchor line is the `&base` line, not the first key below it',
      source: yaml('# defaults', 'base: &base', '  tag: 1', 'prod: *base'),
      key: 'prod.tag',
      message: "env.yaml:4: key 'prod.tag' goes through the alias '*base' at 'prod', which stands for the anchor '&base' at env.yaml:2 ('base'); setting it would change every use of that anchor.",
      ownPath: 'base.tag',
    },
    {
      name: 'the final scalar is itself an alias',
      source: yaml('version: &ver 1.0', 'image:', '  repository: app', '  tag: *ver'),
      key: 'image.tag',
      message: "env.yaml:4: key 'image.tag' goes through the alias '*ver' at 'image.tag', which stands for the anchor '&ver' at env.yaml:1 ('version'); setting it would change every use of that anchor.",
      ownPath: 'version',
    },
    {
      name: 'an alias deep in the path, with an explicit tag before the anchor',
      source: yaml('defaults: !!map &d', '  image:', '    tag: 1', 'apps:', '  - name: a', '    settings: *d'),
      key: 'apps[0].settings.image.tag',
      message: "env.yaml:6: key 'apps[0].settings.image.tag' goes through the alias '*d' at 'apps[0].settings', which stands for the anchor '&d' at env.yaml:1 ('defaults'); setting it would change every use of that anchor.",
      ownPath: 'defaults.image.tag',
    },
    {
      name: 'an anchor inside a list',
      source: yaml('images:', '  - &app {name: x, tag: 1}', 'other: *app'),
      key: 'other.tag',
      message: "env.yaml:3: key 'other.tag' goes through the alias '*app' at 'other', which stands for the anchor '&app' at env.yaml:2 ('images[0]'); setting it would change every use of that anchor.",
      ownPath: 'images[0].tag',
    },
    {
      name: 'a list alias walked by a selector',
      source: yaml('sources: &s', '  - name: a', '    rev: 1', 'app:', '  sources: *s'),
      key: 'app.sources[name=a].rev',
      message: "env.yaml:5: key 'app.sources[name=a].rev' goes through the alias '*s' at 'app.sources', which stands for the anchor '&s' at env.yaml:1 ('sources'); setting it would change every use of that anchor.",
      ownPath: 'sources[name=a].rev',
    },
    {
      name: 'a list item alias picked by a selector, next to the anchored item',
      source: yaml('list:', '  - &e {name: a, v: 1}', '  - *e'),
      key: 'list[name=a].v',
      message: "env.yaml:3: key 'list[name=a].v' goes through the alias '*e' at 'list[1]', which stands for the anchor '&e' at env.yaml:2 ('list[0]'); setting it would change every use of that anchor.",
      ownPath: 'list[0].v',
    },
    {
      name: 'an alias in the second document only',
      source: yaml('image:', '  tag: 1', '---', 'base: &b', '  tag: 1', 'image: *b'),
      key: 'image.tag',
      message: "env.yaml:6: key 'image.tag' goes through the alias '*b' at 'image', which stands for the anchor '&b' at env.yaml:4 ('base'); setting it would change every use of that anchor.",
      ownPath: 'base.tag',
    },
  ])('$name', ({ source, key, message, ownPath }) => {
    const error = refusal(source, key);
    expect(error.message).toBe(message);
    expect(error.hint).toContain(`Set 'key' to the anchor's own path, '${ownPath}'`);
    expect(error.hint).toMatch(/replace '\*\w+' at '.+' with a value of its own/);
    // The anchor's own path really is where the value lives: setting it works.
    expect(setKey(source, ownPath, '2').matched).toBeGreaterThan(0);
  });
});

describe('key mode around aliases that the path does not go through', () => {
  it('edits the anchor at its own path; its aliases follow, as YAML means', () => {
    const source = yaml('base: &base {tag: 1}', 'prod: *base');
    const result = setKey(source, 'base.tag', '2');
    expect(result.output).toBe(yaml('base: &base {tag: "2"}', 'prod: *base'));
    expect(result.changes.map((change) => [change.path, change.line, change.previous, change.value])).toEqual([['base.tag', 1, '1', '2']]);
  });

  it('reads an aliased field to pick a list item by selector', () => {
    const source = yaml('appName: &n payments', 'params:', '  - name: *n', '    value: 1');
    expect(setKey(source, 'params[name=payments].value', '2').output).toBe(yaml('appName: &n payments', 'params:', '  - name: *n', '    value: 2'));
  });

  it('ignores aliases beside the path', () => {
    const source = yaml('base: &base {tag: 1}', 'prod: *base', 'image:', '  tag: 1');
    expect(setKey(source, 'image.tag', '2').output).toBe(yaml('base: &base {tag: 1}', 'prod: *base', 'image:', '  tag: "2"'));
  });
});

describe('image mode still follows aliases', () => {
  it('edits the anchored image string once, for every container using it', () => {
    const source = yaml(
      'x-image: &img ghcr.io/acme/app:1.0',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: a',
      '          image: *img',
      '        - name: b',
      '          image: *img',
    );
    const result = editManifest(source, 'env.yaml', { mode: 'image', image: { name: 'ghcr.io/acme/app', tag: '1.1' } });
    expect(result.output).toBe(source.replace('app:1.0', 'app:1.1'));
  });
});

describe('an alias the path does not go on through', () => {
  it('is no match in that document, not a refusal (the key exists elsewhere)', () => {
    // Document 1 has `tag` behind a scalar alias at `image`: `image.tag` does not exist there.
    const source = yaml('v: &v 1.0', 'image: *v', '---', 'image:', '  tag: 1.0');
    const result = setKey(source, 'image.tag', '2.0');
    expect(result.output).toBe(yaml('v: &v 1.0', 'image: *v', '---', 'image:', '  tag: "2.0"'));
    expect(result.changes.map((change) => [change.document, change.path])).toEqual([[1, 'image.tag']]);
  });
});
