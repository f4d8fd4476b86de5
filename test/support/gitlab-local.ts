/**
 * What a pipeline under gitlab-ci-local talks to, on loopback: one "GitLab" origin (git's
 * http-backend for the repositories, `/api/v4` relayed to the stateful nock GitLab fake), with
 * acme/gitops-promote public at the release tag holding this checkout's templates/ (so
 * `component:` includes resolve as the CI/CD Catalog resolves them: gitlab-ci-local clones the
 * component project from the remote's origin at the ref), and an npm registry serving the packed
 * package for the jobs' `npx gitops-promote@<version>`.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { relayHandler } from './api-relay';
import { startGitHttpServer, type GitHttpServer } from './git-http-server';
import { createGitLabApiFake, type GitLabApiFake } from './gitlab-api-fake';
import { startNpmRegistry, type NpmRegistry } from './npm-registry';
import { REPO_ROOT, runProcess, type ProcessResult, type Sandbox } from './run-bundle';

/** gitlab-ci-local 4.73.0's bin (the last release on Node 20); .ci/run installs it with rsync. */
export const GITLAB_CI_LOCAL = process.env.GITLAB_CI_LOCAL ?? '';

/** Fails, saying how to fix it, where gitlab-ci-local is not installed: a missing tool is no pass. */
export function requireGitLabCiLocal(): void {
  if (!GITLAB_CI_LOCAL) throw new Error('GITLAB_CI_LOCAL is not set: point it at gitlab-ci-local 4.73.0 (npm install gitlab-ci-local@4.73.0; .ci/run does), with rsync installed');
}

export const RELEASE = (JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface LoopbackGitLab {
  /** http://127.0.0.1:PORT: the origin of every project, CI_SERVER_URL under gitlab-ci-local. */
  url: string;
  git: GitHttpServer;
  api: GitLabApiFake;
  registry: NpmRegistry;
  /** The bare repository of acme/environments. */
  environments: string;
  close(): Promise<void>;
}

export async function startLoopbackGitLab(sandbox: Sandbox, token: string, environmentFiles: Record<string, string>, users: Array<{ id: number; username: string }> = []): Promise<LoopbackGitLab> {
  requireGitLabCiLocal();
  const packed = await runProcess('npm', ['pack', '--silent', '--pack-destination', sandbox.dir], { cwd: REPO_ROOT, env: sandbox.env({ npm_config_cache: join(sandbox.dir, 'npm-cache') }), timeoutMs: 60_000 });
  if (packed.exitCode !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const manifest = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: unknown; engines: unknown; type: string };
  const registry = await startNpmRegistry(join(sandbox.dir, packed.stdout.trim().split('\n').pop() ?? ''), { name: manifest.name, version: manifest.version, bin: manifest.bin, engines: manifest.engines, type: manifest.type });

  // GitLab serves git and its API on one origin, so CI_API_V4_URL follows from the remote.
  const relay = relayHandler('https://gitlab.test');
  const git = await startGitHttpServer({
    username: 'oauth2',
    password: token,
    publicRepos: ['acme/gitops-promote'],
    route: (req, res) => {
      const target = req.url ?? '';
      if (target.startsWith('/api/v4/')) {
        relay(req, res);
        return true;
      }
      // GitLab's raw file URL, what `include: remote:` points at: /<project>/-/raw/<ref>/<path>.
      const raw = /^\/acme\/gitops-promote\/-\/raw\/([^/]+)\/([^?]+)$/.exec(target);
      if (!raw) return false;
      try {
        const text = execFileSync('git', ['--git-dir', join(git.root, 'acme/gitops-promote.git'), 'show', `${raw[1] ?? ''}:${decodeURIComponent(raw[2] ?? '')}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(text);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('404 File Not Found');
      }
      return true;
    },
  });
  const templates: Record<string, string> = { 'README.md': '# gitops-promote\n' };
  for (const file of await readdir(join(REPO_ROOT, 'templates'))) templates[`templates/${file}`] = await readFile(join(REPO_ROOT, 'templates', file), 'utf8');
  const components = await git.createBareRepo('acme/gitops-promote', templates);
  await sandbox.gitOk(['tag', RELEASE, 'main'], components);
  const environments = await git.createBareRepo('acme/environments', environmentFiles);
  const api = createGitLabApiFake({ origin: 'https://gitlab.test', projectPath: 'acme/environments', projectId: 42, gitDir: environments, token, users });
  return {
    url: git.url,
    git,
    api,
    registry,
    environments,
    close: async () => {
      api.stop();
      await registry.close();
      await git.close();
    },
  };
}

/**
 * Runs the pipeline of `project` (a git checkout whose origin is on `gitlab`) with jobs in a shell.
 * `variables` are the project's CI/CD variables; `bin` goes first on PATH (stand-ins for tools).
 */
export async function runGitLabCiLocal(sandbox: Sandbox, gitlab: LoopbackGitLab, project: string, variables: Record<string, string>, options: { bin?: string; args?: string[] } = {}): Promise<ProcessResult> {
  const all: Record<string, string> = {
    NPM_CONFIG_REGISTRY: gitlab.registry.url,
    npm_config_cache: join(sandbox.dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    ...variables,
  };
  const overridden = Object.keys(variables).filter((name) => name.startsWith('CI_') || name.startsWith('GITLAB_'));
  const run = () =>
    runProcess(
      GITLAB_CI_LOCAL,
      [
        '--force-shell-executor',
        ...(overridden.length > 0 ? ['--ignore-predefined-vars', overridden.join(',')] : []),
        ...(options.args ?? []),
        ...Object.entries(all).flatMap(([key, value]) => ['--variable', `${key}=${value}`]),
      ],
      { cwd: project, env: sandbox.env(options.bin ? { PATH: `${options.bin}:${process.env.PATH ?? ''}` } : {}), timeoutMs: 240_000 },
    );
  let result = await run();
  // gitlab-ci-local 4.73.0 fetches the components of one project and ref in parallel, each clone
  // ending in `cp -r …/templates <ref>/`; two finishing together collide ("File exists") before
  // any job starts. The components it finished are cached, so running again completes the fetch.
  for (let attempt = 1; attempt < 3 && componentFetchCollided(result); attempt++) result = await run();
  return result;
}

function componentFetchCollided(result: ProcessResult): boolean {
  const output = `${result.stdout}\n${result.stderr}`;
  return result.exitCode !== 0 && !output.includes('starting shell') && /cp: cannot create directory '[^']*\/\.gitlab-ci-local\/includes\/[^']*': File exists/.test(output);
}

/** A job's dotenv report as gitlab-ci-local keeps it for the jobs after it. */
export async function dotenvOf(project: string, job: string): Promise<Record<string, string>> {
  const dir = join(project, '.gitlab-ci-local', 'artifacts', job, '.gitlab-ci-reports', 'dotenv');
  const [file] = await readdir(dir);
  const text = await readFile(join(dir, file ?? ''), 'utf8');
  return Object.fromEntries(text.trim().split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}
