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

/** Whether any of `patterns` matches `name`. */
export function matchesAny(patterns: readonly string[], name: string): boolean {
  return patterns.some((pattern) => nameGlob(pattern)(name));
}
