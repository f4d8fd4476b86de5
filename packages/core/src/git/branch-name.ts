/**
 * A name (an environment, an image, a key path) as one segment of a branch name the steps make:
 * characters git refuses, and `/` (which would nest refs and clash), become `-`; no `..`, no
 * leading or trailing `-`/`.`, no `.lock` ending.
 */
export function branchSegment(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/^[-.]+|[-.]+$|\.lock$/g, '')
      .slice(0, 100) || 'value'
  );
}
