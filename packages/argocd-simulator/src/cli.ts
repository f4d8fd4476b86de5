#!/usr/bin/env node
/**
 * Runs the simulator standalone:
 *
 *   argocd-simulator --repo DIR --app NAME[:path[:branch]] … \
 *     [--port 0] [--token T]… [--user name:password]… [--manual] [--timing syncMs=2000]…
 *
 * `--repo` and `--manual` apply to the `--app` flags after them. Prints the base URL as the
 * first line of stdout (everything else goes to stderr) and serves until SIGINT/SIGTERM. The
 * `/__sim/…` control endpoints are on unless `--no-control-api`.
 */
import { parseArgs } from 'node:util';
import type { AppConfig, SimTimings } from './options.js';
import { DEFAULT_TIMINGS } from './options.js';
import { startArgoCdSimulator } from './simulator.js';

const USAGE = `usage: argocd-simulator --repo DIR --app NAME[:path[:branch]] [--app …] [--port N] [--host 127.0.0.1]
  [--token T]… [--user NAME:PASSWORD]… [--namespace argocd] [--project default] [--manual]
  [--reconcile-interval-ms N] [--timing NAME=MS]… [--degraded-tag-prefix broken-]
  [--fail-sync-tag-prefix P] [--seed N] [--no-control-api]
timings: ${Object.keys(DEFAULT_TIMINGS).join(', ')}`;

async function main(argv: readonly string[]): Promise<void> {
  const { tokens: parsed } = parseArgs({
    args: [...argv],
    strict: true,
    tokens: true,
    options: {
      repo: { type: 'string', multiple: true },
      app: { type: 'string', multiple: true },
      manual: { type: 'boolean', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
      namespace: { type: 'string' },
      project: { type: 'string' },
      'reconcile-interval-ms': { type: 'string' },
      timing: { type: 'string', multiple: true },
      'degraded-tag-prefix': { type: 'string' },
      'fail-sync-tag-prefix': { type: 'string' },
      seed: { type: 'string' },
      'no-control-api': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const values = new Map<string, string[]>();
  const apps: AppConfig[] = [];
  let repo: string | undefined;
  let manual = false;
  let project: string | undefined;
  let degradedPrefix: string | undefined;
  let failPrefix: string | undefined;
  let help = false;
  let noControl = false;
  for (const token of parsed) {
    // strict parsing already rejected positionals; `--` alone is all that is left to skip.
    if (token.kind !== 'option') continue;
    const value = token.value ?? '';
    switch (token.name) {
      case 'repo':
        repo = value;
        break;
      case 'manual':
        manual = true;
        break;
      case 'help':
        help = true;
        break;
      case 'no-control-api':
        noControl = true;
        break;
      case 'project':
        project = value;
        break;
      case 'degraded-tag-prefix':
        degradedPrefix = value;
        break;
      case 'fail-sync-tag-prefix':
        failPrefix = value;
        break;
      case 'app': {
        if (!repo) throw new Error(`--app ${value} needs a --repo before it`);
        const [name = '', path, branch] = value.split(':');
        if (!name) throw new Error(`--app needs a name: ${value}`);
        apps.push({
          name,
          source: { repoPath: repo, ...(path ? { path } : {}), ...(branch ? { targetRevision: branch } : {}) },
          ...(manual ? { autoSync: false } : {}),
          ...(project ? { project } : {}),
          rules: {
            ...(degradedPrefix !== undefined ? { degradedImage: { tagPrefix: degradedPrefix } } : {}),
            ...(failPrefix !== undefined ? { failSyncImage: { tagPrefix: failPrefix } } : {}),
          },
        });
        break;
      }
      default:
        values.set(token.name, [...(values.get(token.name) ?? []), value]);
    }
  }
  if (help || apps.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = help ? 0 : 2;
    return;
  }
  const one = (name: string): string | undefined => values.get(name)?.at(-1);
  const users = Object.fromEntries(
    (values.get('user') ?? []).map((entry) => {
      const colon = entry.indexOf(':');
      if (colon <= 0) throw new Error(`--user wants NAME:PASSWORD, not ${entry}`);
      return [entry.slice(0, colon), { password: entry.slice(colon + 1) }];
    }),
  );
  const timings: Partial<SimTimings> = {};
  for (const entry of values.get('timing') ?? []) {
    const [name = '', ms = ''] = entry.split('=');
    if (!(name in DEFAULT_TIMINGS) || !/^\d+$/.test(ms)) throw new Error(`--timing wants NAME=MS with NAME one of ${Object.keys(DEFAULT_TIMINGS).join(', ')}`);
    timings[name as keyof SimTimings] = Number(ms);
  }
  const namespace = one('namespace');
  const interval = one('reconcile-interval-ms');
  const seed = one('seed');
  const simulator = await startArgoCdSimulator({
    host: one('host') ?? '127.0.0.1',
    port: Number(one('port') ?? 0),
    tokens: values.get('token') ?? [],
    users,
    ...(namespace ? { namespace } : {}),
    ...(interval !== undefined ? { reconcileIntervalMs: Number(interval) } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    timings,
    apps,
    controlApi: !noControl,
  });
  process.stdout.write(`${simulator.url}\n`);
  process.stderr.write(`argocd-simulator: serving ${apps.map((app) => app.name).join(', ')} at ${simulator.url}/api/v1\n`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`argocd-simulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 2;
});
