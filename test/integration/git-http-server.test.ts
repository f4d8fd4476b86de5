/**
 * Proves test/support/git-http-server.ts against the real git CLI: the helper is
 * only useful if stock git clones, pushes, authenticates and races against it the
 * way it does against GitHub/GitLab.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server';
import { hermeticGitEnv } from '../support/hermetic-git-env';

const TIMEOUT_MS = 60_000;
const USER = 'ci-bot';
const PASSWORD = 'p@ss:w0rd with spaces';

interface GitResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs git and reports the outcome instead of throwing, so failures can be asserted on. */
function git(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<GitResult> {
  return new Promise<GitResult>((resolve, reject) => {
    const child = spawn('git', [...args], { cwd, env: hermeticGitEnv(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code: number | null) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

/** Like git() but a non-zero exit is a test failure that shows git's stderr. */
async function gitOk(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const result = await git(args, cwd, extraEnv);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} exited ${String(result.code)}:\n${result.stderr}`);
  return result.stdout.trim();
}

function basicAuthHeader(user: string, password: string): string {
  return `Authorization: Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** `-c http.extraHeader=...`: credentials travel as a header, never in the URL or on disk. */
function authConfig(user: string = USER, password: string = PASSWORD): string[] {
  return ['-c', `http.extraHeader=${basicAuthHeader(user, password)}`];
}

const IDENTITY: readonly string[] = ['-c', 'user.name=Tester', '-c', 'user.email=tester@example.invalid'];

/** Starts a server and a scratch dir, and always cleans both up. */
async function withServer(body: (server: GitHttpServer, scratch: string) => Promise<void>): Promise<void> {
  const server = await startGitHttpServer({ username: USER, password: PASSWORD });
  const scratch = await mkdtemp(join(tmpdir(), 'git-http-test-'));
  try {
    await body(server, scratch);
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

describe('startGitHttpServer', () => {
  it(
    'seeds a bare repo whose files keep their exact bytes',
    () =>
      withServer(async (server) => {
        const files: Record<string, string> = {
          // text=auto would normally normalise the CRLF file below on `git add`.
          '.gitattributes': '* text=auto eol=lf\n',
          'crlf.txt': 'line one\r\nline two\r\n',
          'no-newline.txt': 'héllo wörld 🌍',
          'deep/nested/dir/values.yaml': 'image:\n  tag: "1.2.3"\n',
        };
        const bare = await server.createBareRepo('group/app', files, 'trunk');

        expect(bare).toBe(join(server.root, 'group/app.git'));
        expect(server.repoUrl('group/app')).toBe(`${server.url}/group/app.git`);
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(await gitOk(['symbolic-ref', 'HEAD'], bare)).toBe('refs/heads/trunk');
        expect(await gitOk(['config', '--bool', 'http.receivepack'], bare)).toBe('true');
        expect(await gitOk(['rev-list', '--count', 'refs/heads/trunk'], bare)).toBe('1');
        for (const [path, content] of Object.entries(files)) {
          const blob = await new Promise<Buffer>((resolve, reject) => {
            const child = spawn('git', ['cat-file', 'blob', `trunk:${path}`], { cwd: bare, env: hermeticGitEnv() });
            const chunks: Buffer[] = [];
            child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
            child.once('error', reject);
            child.once('close', () => resolve(Buffer.concat(chunks)));
          });
          expect(blob.equals(Buffer.from(content, 'utf8')), path).toBe(true);
        }
      }),
    TIMEOUT_MS,
  );

  it(
    'clones and accepts a push with basic auth sent as a header',
    () =>
      withServer(async (server, scratch) => {
        const bare = await server.createBareRepo('app', { 'README.md': '# app\n', 'env/prod.yaml': 'tag: v1\n' });
        const initial = await gitOk(['rev-parse', 'refs/heads/main'], bare);
        const work = join(scratch, 'clone');

        await gitOk([...authConfig(), 'clone', '--quiet', server.repoUrl('app'), work], scratch);
        expect(await readFile(join(work, 'env/prod.yaml'), 'utf8')).toBe('tag: v1\n');
        // Nothing secret ended up in the clone's config.
        expect(await gitOk(['config', 'remote.origin.url'], work)).toBe(server.repoUrl('app'));

        await writeFile(join(work, 'env/prod.yaml'), 'tag: v2\n');
        await gitOk([...IDENTITY, 'commit', '--quiet', '-am', 'Promote v2'], work);
        const pushed = await gitOk(['rev-parse', 'HEAD'], work);
        await gitOk([...authConfig(), 'push', '--quiet', 'origin', 'main'], work);

        expect(await gitOk(['rev-parse', 'refs/heads/main'], bare)).toBe(pushed);
        expect(await gitOk(['rev-parse', 'refs/heads/main^'], bare)).toBe(initial);
        expect(await gitOk(['log', '-1', '--format=%s', 'main'], bare)).toBe('Promote v2');

        // Every request carried the header and went through to git.
        const expectedHeader = basicAuthHeader(USER, PASSWORD).slice('Authorization: '.length);
        expect(server.requests.length).toBeGreaterThan(0);
        for (const request of server.requests) {
          expect(request).toMatchObject({ authorized: true, authorization: expectedHeader });
        }
        const paths = server.requests.map((r) => `${r.method} ${r.path}`);
        expect(paths).toContain('GET /app.git/info/refs?service=git-upload-pack');
        expect(paths).toContain('POST /app.git/git-upload-pack');
        expect(paths).toContain('GET /app.git/info/refs?service=git-receive-pack');
        expect(paths).toContain('POST /app.git/git-receive-pack');
      }),
    TIMEOUT_MS,
  );

  it(
    'answers 401 with a Basic challenge and relays http-backend status codes',
    () =>
      withServer(async (server) => {
        await server.createBareRepo('app', { 'a.txt': 'a\n' });
        const infoRefs = `${server.repoUrl('app')}/info/refs?service=git-upload-pack`;
        const authorization = basicAuthHeader(USER, PASSWORD).slice('Authorization: '.length);

        const anonymous = await fetch(infoRefs);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="git"');

        // Git-Protocol must reach git as GIT_PROTOCOL, or v2 clients silently get v0.
        const v2 = await fetch(infoRefs, { headers: { authorization, 'git-protocol': 'version=2' } });
        expect(v2.status).toBe(200);
        expect(v2.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
        expect(await v2.text()).toContain('version 2');
        const v0 = await fetch(infoRefs, { headers: { authorization } });
        expect(await v0.text()).toContain('# service=git-upload-pack');

        // The CGI "Status:" line becomes the HTTP status.
        const missing = await fetch(`${server.repoUrl('nope')}/info/refs?service=git-upload-pack`, {
          headers: { authorization },
        });
        expect(missing.status).toBe(404);
      }),
    TIMEOUT_MS,
  );

  it(
    'rejects an unauthenticated clone',
    () =>
      withServer(async (server, scratch) => {
        await server.createBareRepo('app', { 'a.txt': 'a\n' });
        const result = await git(['clone', server.repoUrl('app'), join(scratch, 'clone')], scratch);

        expect(result.code).not.toBe(0);
        // With prompts disabled and no helper, git gives up on the 401 challenge.
        expect(result.stderr).toMatch(/could not read Username|terminal prompts disabled|Authentication failed/);
        expect(existsSync(join(scratch, 'clone'))).toBe(false);
        expect(server.requests.length).toBeGreaterThan(0);
        for (const request of server.requests) {
          expect(request.authorized).toBe(false);
          expect(request.authorization).toBeUndefined();
        }
      }),
    TIMEOUT_MS,
  );

  it(
    'rejects a wrong password and drives the credential-helper retry like a real forge',
    () =>
      withServer(async (server, scratch) => {
        await server.createBareRepo('app', { 'a.txt': 'a\n' });
        const url = server.repoUrl('app');

        const viaHeader = await git([...authConfig(USER, 'wrong'), 'clone', url, join(scratch, 'a')], scratch);
        expect(viaHeader.code).not.toBe(0);
        expect(viaHeader.stderr).toMatch(/could not read Username|terminal prompts disabled|Authentication failed/);
        expect(server.requests.every((r) => !r.authorized)).toBe(true);
        expect(server.requests.some((r) => r.authorization !== undefined)).toBe(true);

        // A credential helper is asked only after the 401 challenge; the secret comes from the env, not argv.
        const helper = [
          '-c',
          'credential.helper=',
          '-c',
          'credential.helper=!f() { test "$1" = get && printf "username=%s\\npassword=%s\\n" "$TEST_GIT_USER" "$TEST_GIT_PASS"; }; f',
        ];
        const badHelper = await git([...helper, 'clone', url, join(scratch, 'b')], scratch, {
          TEST_GIT_USER: USER,
          TEST_GIT_PASS: 'wrong',
        });
        expect(badHelper.code).not.toBe(0);
        expect(badHelper.stderr).toMatch(/Authentication failed/);

        server.requests.length = 0;
        await gitOk([...helper, 'clone', '--quiet', url, join(scratch, 'c')], scratch, {
          TEST_GIT_USER: USER,
          TEST_GIT_PASS: PASSWORD,
        });
        expect(server.requests[0]).toMatchObject({ authorized: false });
        expect(server.requests[0]?.authorization).toBeUndefined();
        expect(server.requests.slice(1).every((r) => r.authorized)).toBe(true);
      }),
    TIMEOUT_MS,
  );

  it(
    'lets exactly one of 6 concurrent pushes win and keeps the repo consistent',
    () =>
      withServer(async (server, scratch) => {
        const bare = await server.createBareRepo('app', { 'base.txt': 'base\n' });
        const base = await gitOk(['rev-parse', 'refs/heads/main'], bare);
        const pushers = 6;

        // Concurrent clones exercise parallel upload-pack too.
        const clones = await Promise.all(
          Array.from({ length: pushers }, async (_, i) => {
            const work = join(scratch, `clone-${String(i)}`);
            await gitOk([...authConfig(), 'clone', '--quiet', server.repoUrl('app'), work], scratch);
            await writeFile(join(work, `pusher-${String(i)}.txt`), `pusher ${String(i)}\n`);
            await gitOk(['add', '.'], work);
            await gitOk([...IDENTITY, 'commit', '--quiet', '-m', `Change ${String(i)}`], work);
            return { work, head: await gitOk(['rev-parse', 'HEAD'], work) };
          }),
        );
        expect(new Set(clones.map((c) => c.head)).size).toBe(pushers);

        const results = await Promise.all(
          clones.map(({ work }) => git([...authConfig(), 'push', 'origin', 'main'], work)),
        );
        const winners = results.flatMap((r, i) => (r.code === 0 ? [i] : []));
        expect(winners, results.map((r) => r.stderr).join('\n---\n')).toHaveLength(1);
        for (const [i, result] of results.entries()) {
          if (i === winners[0]) continue;
          // Losers that saw the new ref are refused by the client ("fetch first");
          // losers that raced into receive-pack are refused by the server's ref lock.
          expect(result.stderr).toMatch(/\[(remote )?rejected\]/);
          expect(result.stderr).toMatch(/fetch first|non-fast-forward|cannot lock ref|failed to update ref/);
        }

        const winner = clones[winners[0] ?? -1];
        expect(await gitOk(['rev-parse', 'refs/heads/main'], bare)).toBe(winner?.head);
        expect(await gitOk(['rev-parse', 'refs/heads/main^'], bare)).toBe(base);
        const fsck = await git(['fsck', '--full', '--strict', '--no-progress'], bare);
        expect(fsck.code, fsck.stderr).toBe(0);
        expect(`${fsck.stdout}\n${fsck.stderr}`).not.toMatch(/\b(?:error|missing|broken|corrupt|bad)\b/i);

        // The usual recovery (fetch, rebase, push) works for every loser, one after another.
        for (const [i, { work }] of clones.entries()) {
          if (i === winners[0]) continue;
          await gitOk([...authConfig(), ...IDENTITY, 'pull', '--quiet', '--rebase', 'origin', 'main'], work);
          await gitOk([...authConfig(), 'push', '--quiet', 'origin', 'main'], work);
        }
        expect(await gitOk(['rev-list', '--count', 'main'], bare)).toBe(String(pushers + 1));
        expect((await git(['fsck', '--full', '--strict', '--no-progress'], bare)).code).toBe(0);
      }),
    TIMEOUT_MS,
  );

  it(
    'handles large chunked pushes and gzip-compressed fetch requests',
    () =>
      withServer(async (server, scratch) => {
        await server.createBareRepo('app', { 'README.md': 'big\n' });
        const work = join(scratch, 'clone');
        await gitOk([...authConfig(), 'clone', '--quiet', server.repoUrl('app'), work], scratch);

        // 8 MiB of random bytes cannot be compressed below git's 1 MiB http.postBuffer,
        // so the push body is sent chunked, without Content-Length.
        const big = randomBytes(8 * 1024 * 1024);
        await writeFile(join(work, 'blob.bin'), big);
        // 60 branches on distinct commits: the clone below then sends 60 "want"
        // lines, which git gzips (bodies over 1 KiB).
        const fastImport = Array.from(
          { length: 60 },
          (_, i) =>
            `commit refs/heads/topic-${String(i)}\ncommitter T <t@example.invalid> 0 +0000\ndata 2\n${String(i).padStart(2, '0')}\nfrom refs/heads/main^0\n\n`,
        ).join('');
        await gitOk(['add', 'blob.bin'], work);
        await gitOk([...IDENTITY, 'commit', '--quiet', '-m', 'Add blob'], work);
        await new Promise<void>((resolve, reject) => {
          const child = spawn('git', ['fast-import', '--quiet'], { cwd: work, env: hermeticGitEnv() });
          child.once('error', reject);
          child.once('close', (code: number | null) =>
            code === 0 ? resolve() : reject(new Error(`fast-import exited ${String(code)}`)),
          );
          child.stdin.end(fastImport);
        });

        const pushTrace = join(scratch, 'push-trace.txt');
        await gitOk([...authConfig(), 'push', '--quiet', 'origin', 'refs/heads/*:refs/heads/*'], work, {
          GIT_TRACE_CURL: pushTrace,
          GIT_TRACE_CURL_NO_DATA: '1',
        });
        expect(await readFile(pushTrace, 'utf8')).toMatch(/Transfer-Encoding: chunked/i);

        const cloneTrace = join(scratch, 'clone-trace.txt');
        const second = join(scratch, 'second');
        await gitOk([...authConfig(), 'clone', '--quiet', '--no-single-branch', server.repoUrl('app'), second], scratch, {
          GIT_TRACE_CURL: cloneTrace,
          GIT_TRACE_CURL_NO_DATA: '1',
        });
        expect(await readFile(cloneTrace, 'utf8')).toMatch(/Content-Encoding: gzip/i);

        const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
        expect(sha256(await readFile(join(second, 'blob.bin')))).toBe(sha256(big));
        const branches = await gitOk(['branch', '-r', '--list', 'origin/topic-*'], second);
        expect(branches.split('\n')).toHaveLength(60);
      }),
    TIMEOUT_MS,
  );

  it(
    'close() stops the server and removes its root',
    async () => {
      const server = await startGitHttpServer({ username: USER, password: PASSWORD });
      await server.createBareRepo('app', { 'a.txt': 'a\n' });
      expect(existsSync(server.root)).toBe(true);
      await server.close();
      await server.close(); // idempotent
      expect(existsSync(server.root)).toBe(false);
      await expect(fetch(`${server.url}/app.git/info/refs`)).rejects.toThrow();
    },
    TIMEOUT_MS,
  );
});
