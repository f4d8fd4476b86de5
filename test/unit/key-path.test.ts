import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../packages/core/src/errors';
import { formatKeyPath, parseKeyPath, type KeyPathSegment } from '../../packages/core/src/manifest/key-path';
import { formatPath, type PathSegment } from '../../packages/core/src/manifest/parsed-manifest';

describe('parseKeyPath', () => {
  const valid: [string, PathSegment[]][] = [
    ['tag', ['tag']],
    ['image.tag', ['image', 'tag']],
    ['a.b[0].c', ['a', 'b', 0, 'c']],
    ['spec.sources[1].targetRevision', ['spec', 'sources', 1, 'targetRevision']],
    ['a[0][12]', ['a', 0, 12]],
    ['[0].a', [0, 'a']],
    ['[3]', [3]],
    ['a["x.y"]', ['a', 'x.y']],
    ['a["x.y"].b', ['a', 'x.y', 'b']],
    ['metadata.annotations["example.com/tag"]', ['metadata', 'annotations', 'example.com/tag']],
    ['a["0"]', ['a', '0']],
    ['a.0', ['a', '0']],
    ['a[""]', ['a', '']],
    ['a["with space"]', ['a', 'with space']],
    ['a["q\\"uote"]', ['a', 'q"uote']],
    ['a["back\\\\slash"]', ['a', 'back\\slash']],
    ['a["br]acket"]', ['a', 'br]acket']],
    ['a["[0]"]', ['a', '[0]']],
    ['a["\\u00fc"]', ['a', 'ü']],
    ['some-key_1/x.$v', ['some-key_1/x', '$v']],
    ['ünïcode.key', ['ünïcode', 'key']],
    ['a b.c', ['a b', 'c']],
  ];
  it.each(valid)('%j', (text, expected) => {
    expect(parseKeyPath(text)).toEqual(expected);
  });

  const selectors: [string, KeyPathSegment[]][] = [
    ['spec.source.helm.parameters[name=image.tag].value', ['spec', 'source', 'helm', 'parameters', { key: 'name', equals: 'image.tag' }, 'value']],
    ['containers[name=api].image', ['containers', { key: 'name', equals: 'api' }, 'image']],
    ['a[name="x]y"].b', ['a', { key: 'name', equals: 'x]y' }, 'b']],
    ['a[k=v=w]', ['a', { key: 'k', equals: 'v=w' }]],
  ];
  it.each(selectors)('selector %j', (text, expected) => {
    expect(parseKeyPath(text)).toEqual(expected);
    expect(parseKeyPath(formatKeyPath(expected))).toEqual(expected);
  });

  const invalid: [string, RegExp][] = [
    ['a[name=]', /empty value/],
    ['a[name="\\q"]', /bad quoted value/],
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['a.', /empty key at position 3/],
    ['.a', /empty key at position 1/],
    ['a..b', /empty key at position 3/],
    ['a.[0]', /empty key at position 3/],
    ['a[', /unclosed '\['/],
    ['a["x"', /unclosed '\['/],
    ['a["x]', /neither a list index, a "quoted key" nor a key=value selector/],
    ['a[]', /neither a list index, a "quoted key" nor a key=value selector/],
    ['a[x]', /neither a list index, a "quoted key" nor a key=value selector/],
    ['a[-1]', /neither a list index, a "quoted key" nor a key=value selector/],
    ['a[1.5]', /neither a list index, a "quoted key" nor a key=value selector/],
    ["a['x']", /neither a list index, a "quoted key" nor a key=value selector/],
    ['a[ 0 ]', /neither a list index, a "quoted key" nor a key=value selector/],
    ['a["x"y]', /neither a list index, a "quoted key" nor a key=value selector/],
    ['a["\\q"]', /bad escape/],
    ['a[0]b', /unexpected "b" at position 5/],
    ['a["x"]y', /unexpected "y" at position 7/],
  ];
  it.each(invalid)('rejects %j', (text, why) => {
    let caught: unknown;
    try {
      parseKeyPath(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.message).toContain(`Input 'key' is not a valid key path: ${JSON.stringify(text)}`);
    expect(error.message).toMatch(why);
    expect(error.hint).toMatch(/image\.tag/);
  });
});

describe('formatPath', () => {
  it('writes plain keys dotted, indexes and awkward keys bracketed', () => {
    expect(formatPath(['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe('spec.template.spec.containers[0].image');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath(['metadata', 'annotations', 'example.com/tag'])).toBe('metadata.annotations["example.com/tag"]');
    expect(formatPath(['a', ''])).toBe('a[""]');
    expect(formatPath(['a', 'b]c'])).toBe('a["b]c"]');
  });

  it('is read back by parseKeyPath (the reported path can be used as the next key input)', () => {
    const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_$/-]{1,8}$/), fc.string({ maxLength: 8 }), fc.constantFrom('x.y', 'a]b', '"', '\\', '[0]', ''));
    const path = fc.array(fc.oneof(key, fc.nat({ max: 50 })), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(path, (segments) => {
        expect(parseKeyPath(formatPath(segments))).toEqual(segments);
      }),
      { numRuns: 300 },
    );
  });
});
