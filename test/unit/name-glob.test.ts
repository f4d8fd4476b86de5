import { describe, expect, it } from 'vitest';
import { matchesAny, nameGlob } from '../../packages/core/src/text/name-glob';

describe('nameGlob (exclude-images)', () => {
  it('* stays within one path part, ** crosses parts, ? is one character, the rest is literal', () => {
    const migrations = nameGlob('ghcr.io/acme/*-migrations');
    expect(migrations('ghcr.io/acme/api-migrations')).toBe(true);
    expect(migrations('ghcr.io/acme/team/api-migrations')).toBe(false);
    expect(migrations('ghcr.io/acme/api-migrations-old')).toBe(false);
    expect(nameGlob('ghcr.io/**')('ghcr.io/acme/team/api')).toBe(true);
    expect(nameGlob('ghcr.io/acme/api-v?')('ghcr.io/acme/api-v2')).toBe(true);
    // A dot is a dot, not any character.
    expect(nameGlob('ghcr.io/acme/api')('ghcrxio/acme/api')).toBe(false);
    expect(matchesAny([], 'ghcr.io/acme/api')).toBe(false);
    expect(matchesAny(['docker.io/**', 'ghcr.io/acme/api'], 'ghcr.io/acme/api')).toBe(true);
  });
});
