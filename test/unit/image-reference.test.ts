import { describe, expect, it } from 'vitest';
import { InputError } from '../../packages/core/src/errors';
import {
  formatImageReference,
  isValidDigest,
  isValidImageName,
  isValidTag,
  normalizeImageName,
  parseImageReference,
  quoteForMessage,
  validateDigest,
  validateImageName,
  validateTag,
  type ImageReference,
} from '../../packages/core/src/manifest/image-reference';

const SHA = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImageReference', () => {
  const cases: [string, ImageReference][] = [
    ['nginx', { name: 'nginx' }],
    ['nginx:1.25', { name: 'nginx', tag: '1.25' }],
    ['nginx:1.10', { name: 'nginx', tag: '1.10' }],
    ['ghcr.io/acme/payments:1.4.2', { name: 'ghcr.io/acme/payments', tag: '1.4.2' }],
    // A registry port is not a tag: the colon comes before the last slash.
    ['localhost:5000/app', { name: 'localhost:5000/app' }],
    ['localhost:5000/app:v2', { name: 'localhost:5000/app', tag: 'v2' }],
    ['10.42.0.1:30000/team/test-image', { name: '10.42.0.1:30000/team/test-image' }],
    ['registry.example.com:443/a/b/c:2024.01.02-rc.1', { name: 'registry.example.com:443/a/b/c', tag: '2024.01.02-rc.1' }],
    [`app@${SHA}`, { name: 'app', digest: SHA }],
    [`app:1.0@${SHA}`, { name: 'app', tag: '1.0', digest: SHA }],
    [`localhost:5000/app@${SHA}`, { name: 'localhost:5000/app', digest: SHA }],
    [`localhost:5000/app:1@${SHA}`, { name: 'localhost:5000/app', tag: '1', digest: SHA }],
    // References already in a manifest parse whatever their digest: only a new digest is validated.
    ['app:1@md5:abc', { name: 'app', tag: '1', digest: 'md5:abc' }],
    ['app@sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564', { name: 'app', digest: 'sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564' }],
    // Exactly as written: no normalisation to docker.io/library/…, no lower-casing.
    ['docker.io/library/nginx:latest', { name: 'docker.io/library/nginx', tag: 'latest' }],
    ['Nginx:Latest', { name: 'Nginx', tag: 'Latest' }],
    ['app:', { name: 'app', tag: '' }],
    ['', { name: '' }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });

  it('never matches a longer name: payments is not payments-worker', () => {
    expect(parseImageReference('ghcr.io/acme/payments-worker:1').name).not.toBe('ghcr.io/acme/payments');
    expect(parseImageReference('ghcr.io/acme/payments:1').name).toBe('ghcr.io/acme/payments');
  });

  it.each(cases.filter(([text]) => text !== ''))('round-trips %j through formatImageReference', (text) => {
    expect(formatImageReference(parseImageReference(text))).toBe(text);
  });
});

describe('formatImageReference', () => {
  it('writes name, :tag and @digest in that order, leaving out missing parts', () => {
    expect(formatImageReference({ name: 'a/b' })).toBe('a/b');
    expect(formatImageReference({ name: 'a/b', tag: 't' })).toBe('a/b:t');
    expect(formatImageReference({ name: 'a/b', digest: SHA })).toBe(`a/b@${SHA}`);
    expect(formatImageReference({ name: 'localhost:5000/a', tag: 't', digest: SHA })).toBe(`localhost:5000/a:t@${SHA}`);
  });
});

describe('isValidTag', () => {
  it.each(['1.4.2', 'v1', 'latest', '_x', 'A_b.c-D', '1.10', '0x1F', 'true', 'a'.repeat(128), 'sha-abc1234'])('accepts %j', (tag) => {
    expect(isValidTag(tag)).toBe(true);
  });
  it.each([
    '',
    '.hidden',
    '-dash',
    'a b',
    ' a',
    'a ',
    'a\nb',
    'a\n',
    'a\r',
    'a\tb',
    'a;rm -rf',
    '$(id)',
    'a$(id)',
    '`id`',
    'a|b',
    'a&b',
    'a/b',
    'a:b',
    'a@b',
    'a#b',
    "a'b",
    'a"b',
    'ü',
    'a'.repeat(129),
  ])('rejects %j', (tag) => {
    expect(isValidTag(tag)).toBe(false);
  });
});

describe('isValidDigest', () => {
  const SHA512 = `sha512:${'0123456789abcdef'.repeat(8)}`;
  it.each([SHA, SHA512, `sha256:${'f'.repeat(64)}`])('accepts %j', (digest) => {
    expect(isValidDigest(digest)).toBe(true);
  });
  it.each([
    '',
    'sha256:',
    SHA.slice(0, -1),
    `${SHA}0`,
    SHA.toUpperCase(),
    `sha256:${'A'.repeat(64)}`,
    // Only the registered algorithms, each with its own length.
    'md5:abc',
    `md5:${'a'.repeat(32)}`,
    `sha384:${'a'.repeat(96)}`,
    `sha1:${'a'.repeat(40)}`,
    'sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564',
    `blake3:${'a'.repeat(64)}`,
    `sha512:${'a'.repeat(64)}`,
    `sha256:${'a'.repeat(128)}`,
    SHA512.slice(0, -1),
    `${SHA512}0`,
    SHA512.toUpperCase(),
    `sha512:${'A'.repeat(128)}`,
    `${SHA512}\n`,
    `SHA256:${'a'.repeat(64)}`,
    `${SHA}\n`,
    `${SHA} `,
    ` ${SHA}`,
    `sha256:${'g'.repeat(64)}`,
    '0123456789abcdef'.repeat(4),
    `@${SHA}`,
    `${SHA};id`,
    'md5:$(id)',
  ])('rejects %j', (digest) => {
    expect(isValidDigest(digest)).toBe(false);
  });
});

describe('isValidImageName', () => {
  it.each([
    'nginx',
    'ghcr.io/acme/payments',
    'localhost:5000/app',
    '10.42.0.1:30000/test-image',
    'registry.example.com/a/b/c',
    'Registry.Example.com/app',
    'a__b',
    'a--b',
    'a.b_c-d',
    'us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo',
  ])('accepts %j', (name) => {
    expect(isValidImageName(name)).toBe(true);
  });
  it.each([
    '',
    'app:1.0',
    `app@${SHA}`,
    'Acme/App',
    'acme/App',
    'a b',
    '/app',
    'app/',
    'a//b',
    'host:port/app',
    'a\nb',
    'app;id',
    '$(id)',
    '-app',
    'app-',
    'a'.repeat(256),
  ])('rejects %j', (name) => {
    expect(isValidImageName(name)).toBe(false);
  });
});

describe('validate* helpers', () => {
  it('throw InputError naming the input and quoting the value on one line', () => {
    const cases: [() => void, RegExp][] = [
      [() => validateTag('1.0\nrm -rf /', 'tag'), /^Input 'tag' is not a valid OCI tag: "1\.0\\nrm -rf \/"\.$/],
      [() => validateTag('$(id)', 'tag'), /^Input 'tag' is not a valid OCI tag: "\$\(id\)"\.$/],
      [() => validateDigest('sha256:abc', 'digest'), /^Input 'digest' is not a valid OCI digest: "sha256:abc"\.$/],
      [() => validateImageName('app:1', 'image'), /^Input 'image' is not a valid image name: "app:1"\.$/],
    ];
    for (const [run, message] of cases) {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).message).toMatch(message);
      expect((caught as InputError).message).not.toContain('\n');
      expect((caught as InputError).hint).not.toBe('');
    }
  });

  it('accept valid values silently', () => {
    expect(() => validateTag('1.4.2', 'tag')).not.toThrow();
    expect(() => validateDigest(SHA, 'digest')).not.toThrow();
    expect(() => validateImageName('localhost:5000/app', 'image')).not.toThrow();
  });

  it('quoteForMessage keeps control characters from breaking the line', () => {
    expect(quoteForMessage('a\nb\r\u0000')).toBe('"a\\nb\\r\\u0000"');
  });

  it('quoteForMessage escapes DEL and C1 controls too (U+009B is an 8-bit terminal escape)', () => {
    expect(quoteForMessage('a\u007fb\u0080c\u009b[2Jd\u00a0é')).toBe('"a\\u007fb\\u0080c\\u009b[2Jd\u00a0é"');
  });

  it('validateDigest refuses an unregistered algorithm and says which are accepted', () => {
    expect(() => validateDigest('md5:abc', 'digest')).toThrow(/^Input 'digest' is not a valid OCI digest: "md5:abc"\.$/);
    try {
      validateDigest(`sha384:${'a'.repeat(96)}`, 'digest');
    } catch (error) {
      expect((error as InputError).hint).toMatch(/sha256:.*64.*sha512:.*128/);
    }
    expect.assertions(2);
  });
});

describe('normalizeImageName', () => {
  it('spells Docker Hub one way and lower-cases the registry host only', () => {
    for (const name of ['nginx', 'docker.io/nginx', 'docker.io/library/nginx', 'index.docker.io/library/nginx', 'Index.Docker.IO/library/nginx', 'registry-1.docker.io/nginx']) {
      expect(normalizeImageName(name)).toBe('docker.io/library/nginx');
    }
    expect(normalizeImageName('bitnami/nginx')).toBe('docker.io/bitnami/nginx');
    expect(normalizeImageName('GHCR.io/acme/payments')).toBe('ghcr.io/acme/payments');
    expect(normalizeImageName('registry:5000/app')).toBe('registry:5000/app');
    expect(normalizeImageName('localhost/app')).toBe('localhost/app');
    // Paths are case-sensitive, and a first component without `.`/`:` is a Hub namespace, not a host.
    expect(normalizeImageName('ghcr.io/Acme/payments')).not.toBe(normalizeImageName('ghcr.io/acme/payments'));
    expect(normalizeImageName('acme/payments')).toBe('docker.io/acme/payments');
  });
});
