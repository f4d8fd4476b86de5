/**
 * Glob patterns over names that hold slashes (image names: `ghcr.io/acme/*-migrations`): `*`
 * matches within one `/`-separated part, `**` across parts, `?` one character; everything else is
 * literal. File globs (tinyglobby) walk a directory; these only test a string.
 */
export function nameGlob(pattern: string): (name: string) => boolean {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`);
  return (name) => regex.test(name);
}

/** One test for several patterns, each compiled once: whether any of them matches a name. */
export function anyGlob(patterns: readonly string[]): (name: string) => boolean {
  const globs = patterns.map(nameGlob);
  return (name) => globs.some((glob) => glob(name));
}

/** Whether any of `patterns` matches `name` (a one-off test; compile with anyGlob to test many names). */
export function matchesAny(patterns: readonly string[], name: string): boolean {
  return anyGlob(patterns)(name);
}
