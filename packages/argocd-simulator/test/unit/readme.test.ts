/**
 * The README documents every `/__sim` control route that control-routes.ts serves (its header
 * lists them), so a route added there without a row in the README's table fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = join(import.meta.dirname, '..', '..');

/** `DELETE /__sim/faults[/{id}]` stands for both `/__sim/faults` and `/__sim/faults/{id}`. */
function servedRoutes(source: string): string[] {
  const routes: string[] = [];
  for (const match of source.matchAll(/^ \* {3}(GET|POST|DELETE) +(\/__sim\/\S+)/gm)) {
    const [, method, path = ''] = match;
    const optional = /^(.*)\[(.*)\]$/.exec(path);
    if (optional) routes.push(`${method} ${optional[1]}`, `${method} ${optional[1]}${optional[2]}`);
    else routes.push(`${method} ${path}`);
  }
  return routes;
}

describe('the simulator README', () => {
  it('has a row for every /__sim control route', () => {
    const routes = servedRoutes(readFileSync(join(PACKAGE_DIR, 'src', 'control-routes.ts'), 'utf8'));
    expect(routes.length).toBeGreaterThanOrEqual(18);
    const readme = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `((?:GET|POST|DELETE) \/__sim\/[^`]*)` \|/gm)].map((match) => match[1]);
    expect(rows.sort()).toEqual(routes.sort());
  });
});
