/**
 * A throwaway git smart-HTTP server for integration tests.
 *
 * Real bare repositories are served by git's own CGI program, `git http-backend`,
 * behind HTTP basic auth. Using the real backend (instead of a fake) means the
 * tool under test meets the same protocol behaviour it meets on GitHub/GitLab:
 * protocol v2 negotiation, chunked pushes, gzip'd fetch requests, 401 challenges
 * that drive git's credential flow, and server-side ref-update races.
 *
 * Only 127.0.0.1 is ever bound, so nothing is exposed beyond the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hermeticGitEnv } from './hermetic-git-env';

export interface GitHttpServerOptions {
  username: string;
  password: string;
  /**
   * Repositories (names as given to createBareRepo) anyone may fetch without credentials, as a
   * public project on GitLab or GitHub; pushing to them still needs them.
   */
  publicRepos?: readonly string[];
  /**
   * Answers requests outside the repositories (e.g. `/api/v4/…`), so one origin serves git and
   * a forge's API as GitLab does; return false to leave the request to git.
   */
  route?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** One entry of {@link GitHttpServer.requests}. */
export interface GitHttpRequestRecord {
  method: string;
  /** The request target exactly as sent: path plus query string, e.g. `/app.git/info/refs?service=git-upload-pack`. */
  path: string;
  /** Whether the request carried the expected basic-auth credentials (and was therefore handed to git). */
  authorized: boolean;
  /** The raw `Authorization` header, when the client sent one. */
  authorization?: string;
}

export interface GitHttpServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Directory holding the bare repositories (a fresh mkdtemp directory, removed by close()). */
  root: string;
  /** `${url}/${name}.git`; never contains credentials. */
  repoUrl(name: string): string;
  /**
   * Creates `<root>/<name>.git` with one initial commit on `branch` (default `main`)
   * holding `files` (path -> content, UTF-8, stored byte for byte), makes `branch`
   * its HEAD, enables `http.receivepack`, and returns the bare repository's path.
   */
  createBareRepo(name: string, files: Record<string, string>, branch?: string): Promise<string>;
  /** Every request seen, in arrival order, authorized or not. */
  requests: GitHttpRequestRecord[];
  /** Stops the server (killing in-flight git processes) and removes `root`. Idempotent. */
  close(): Promise<void>;
}

/** Identity for the seed commit; `.invalid` so it can never be a real address. */
const SEED_IDENTITY: readonly string[] = ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid'];

/**
 * Config for every git command the helper runs itself. autocrlf off plus
 * no signing/hooks so the seed commit is exactly the files given, whatever
 * the machine's git defaults.
 */
const SEED_CONFIG: readonly string[] = [
  '-c',
  'core.autocrlf=false',
  '-c',
  'core.safecrlf=false',
  '-c',
  'commit.gpgsign=false',
  '-c',
  `core.hooksPath=${devNull}`,
];

/**
 * Highest-precedence attributes ($GIT_DIR/info/attributes beats in-tree
 * .gitattributes) that switch off every content conversion on `git add`, so a
 * caller-supplied `.gitattributes` (e.g. `* text=auto`) cannot rewrite the
 * bytes of the other seed files.
 */
const NO_CONVERSION_ATTRIBUTES = '* -text -filter -ident -working-tree-encoding\n';

/** CGI header blocks from http-backend are a few hundred bytes; anything this large is a bug. */
const MAX_CGI_HEADER_BYTES = 64 * 1024;

/** Keep at most this much of http-backend's stderr for error reports. */
const MAX_STDERR_BYTES = 16 * 1024;

const REPO_NAME_PATTERN = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

/** Resolves once the child has exited and its stdio closed, or failed to start. Never rejects. */
function waitForExit(child: ChildProcess): Promise<ProcessOutcome> {
  return new Promise<ProcessOutcome>((resolve) => {
    child.once('error', (error: Error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal }));
  });
}

/** Runs git to completion for the helper's own setup work; throws with stderr on failure. */
async function runGit(args: readonly string[], cwd: string): Promise<string> {
  const child = spawn('git', [...args], { cwd, env: hermeticGitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const outcome = await waitForExit(child);
  if (outcome.error !== undefined || outcome.code !== 0) {
    const reason = outcome.error?.message ?? `exit code ${String(outcome.code)}, signal ${String(outcome.signal)}`;
    throw new Error(`git ${args.join(' ')} failed (${reason}): ${Buffer.concat(stderr).toString('utf8').trim()}`);
  }
  return Buffer.concat(stdout).toString('utf8');
}

/** Splits a repo-relative POSIX path into segments, refusing anything that could escape or hit .git. */
function safeRelativeSegments(file: string): string[] {
  const segments = file.split('/');
  const bad =
    file.length === 0 ||
    file.includes('\\') ||
    file.includes('\0') ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s.toLowerCase() === '.git');
  if (bad) throw new Error(`createBareRepo: refusing unsafe file path ${JSON.stringify(file)}`);
  return segments;
}

/**
 * True when `header` is `Basic <base64(expected)>`. Compares decoded bytes in
 * constant time; the base64 alphabet check stops Node's lenient decoder from
 * accepting junk that happens to decode to the right bytes.
 */
function basicAuthMatches(header: string, expected: Buffer): boolean {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (match?.[1] === undefined) return false;
  const given = Buffer.from(match[1], 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Returns the header as one string (Node gives arrays only for a few multi-value headers). */
function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

interface CgiHead {
  status: number;
  reason: string | undefined;
  headers: OutgoingHttpHeaders;
}

/**
 * Finds the end of a CGI header block. Lines may end in "\r\n" (what
 * http-backend writes) or bare "\n" (allowed by RFC 3875), so a line is
 * everything up to LF minus an optional trailing CR, and the first empty line
 * ends the block. Returns undefined until a complete blank line has arrived,
 * so a "\r" and its "\n" split across stdout chunks are handled.
 */
function splitCgiHead(buffer: Buffer): { lines: string[]; bodyStart: number } | undefined {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const lf = buffer.indexOf(0x0a, start);
    if (lf === -1) return undefined;
    const end = lf > start && buffer[lf - 1] === 0x0d ? lf - 1 : lf;
    if (end === start) return { lines, bodyStart: lf + 1 };
    lines.push(buffer.toString('latin1', start, end));
    start = lf + 1;
  }
}

/** Turns CGI header lines into an HTTP status and response headers (RFC 3875 section 6.3). */
function parseCgiHead(lines: readonly string[]): CgiHead {
  const headers: Record<string, string[]> = {};
  let status: number | undefined;
  let reason: string | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`malformed CGI header line ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') {
      // "Status: 404 Not Found" replaces the implicit 200; it is not sent on as a header.
      const parsed = /^(\d{3})(?:\s+(.*))?$/.exec(value);
      if (parsed?.[1] === undefined) throw new Error(`malformed CGI Status ${JSON.stringify(value)}`);
      status = Number(parsed[1]);
      reason = parsed[2] === undefined || parsed[2] === '' ? undefined : parsed[2];
      continue;
    }
    // Repeated headers must all be kept, so collect values per lower-cased name.
    const key = name.toLowerCase();
    (headers[key] ??= []).push(value);
  }
  // RFC 3875: a Location without Status is a redirect.
  if (status === undefined && headers.location !== undefined) status = 302;
  const out: OutgoingHttpHeaders = {};
  for (const [key, values] of Object.entries(headers)) out[key] = values.length === 1 ? values[0] : values;
  return { status: status ?? 200, reason, headers: out };
}

export async function startGitHttpServer(opts: GitHttpServerOptions): Promise<GitHttpServer> {
  if (opts.username.includes(':')) throw new Error('basic-auth usernames cannot contain ":"');
  const expectedCredentials = Buffer.from(`${opts.username}:${opts.password}`, 'utf8');
  const root = await mkdtemp(join(tmpdir(), 'git-http-root-'));
  const requests: GitHttpRequestRecord[] = [];
  // In-flight http-backend processes: close() kills them and waits for them,
  // otherwise a late receive-pack could write into root while it is removed.
  const children = new Map<ChildProcess, Promise<ProcessOutcome>>();
  const baseEnv = hermeticGitEnv();

  /** A fetch (upload-pack, never receive-pack) from one of `publicRepos`. */
  function isPublicFetch(target: string): boolean {
    const path = target.split('?')[0] ?? '';
    const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
    const fetching = path.endsWith('/git-upload-pack') || (path.endsWith('/info/refs') && query === 'service=git-upload-pack');
    return fetching && (opts.publicRepos ?? []).some((name) => path.startsWith(`/${name}.git/`));
  }

  function rejectUnauthorized(req: IncomingMessage, res: ServerResponse): void {
    // Drain any body so the keep-alive connection stays usable for git's retry with credentials.
    req.resume();
    // The challenge is what makes git run its credential helpers / prompt and retry,
    // exactly as against GitHub or GitLab.
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Authentication required\n');
  }

  function replyError(res: ServerResponse, status: number, message: string): void {
    if (res.headersSent) {
      // Too late for a status code: break the connection so the client sees a
      // failure instead of a silently truncated body.
      res.destroy();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${message}\n`);
  }

  async function runBackend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '';
    if (!target.startsWith('/')) {
      replyError(res, 400, 'origin-form request target required');
      return;
    }
    const queryAt = target.indexOf('?');
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
    let pathInfo: string;
    try {
      // CGI's PATH_INFO is the decoded path; QUERY_STRING stays raw. http-backend
      // itself refuses ".." aliases and anything outside GIT_PROJECT_ROOT.
      pathInfo = decodeURIComponent(rawPath);
    } catch {
      replyError(res, 400, 'malformed percent-encoding in path');
      return;
    }

    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
      GIT_PROJECT_ROOT: root,
      // Serve every repository under root without git-daemon-export-ok files.
      GIT_HTTP_EXPORT_ALL: '1',
      // Raise the 10 MB default cap on buffered upload-pack requests (fetches with many haves).
      GIT_HTTP_MAX_REQUEST_BUFFER: '1g',
      // Setting REMOTE_USER is what a real server does after auth; http-backend
      // also uses it as the committer name in the pushed refs' reflog.
      REMOTE_USER: opts.username,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: pathInfo,
      QUERY_STRING: queryAt === -1 ? '' : target.slice(queryAt + 1),
    };
    const contentType = headerValue(req, 'content-type');
    if (contentType !== undefined) env.CONTENT_TYPE = contentType;
    // Only with a Content-Length: chunked bodies (pushes larger than git's
    // http.postBuffer) must reach http-backend with CONTENT_LENGTH unset so it
    // reads stdin to EOF. Node has already removed the chunk framing.
    const contentLength = headerValue(req, 'content-length');
    if (contentLength !== undefined) env.CONTENT_LENGTH = contentLength;
    // git gzips larger fetch requests; http-backend inflates them only when told.
    const contentEncoding = headerValue(req, 'content-encoding');
    if (contentEncoding !== undefined) env.HTTP_CONTENT_ENCODING = contentEncoding;
    // Without this, protocol v2 clients silently fall back to v0.
    const gitProtocol = headerValue(req, 'git-protocol');
    if (gitProtocol !== undefined) env.GIT_PROTOCOL = gitProtocol;

    const child = spawn('git', ['http-backend'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = waitForExit(child);
    children.set(child, exited);
    void exited.then(() => children.delete(child));

    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderrBytes < MAX_STDERR_BYTES) stderr.push(chunk);
      stderrBytes += chunk.length;
    });

    // A client that hangs up mid-request must not leave git running.
    res.once('close', () => {
      if (!res.writableFinished && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });

    const stdin = child.stdin;
    const stdout = child.stdout;
    if (stdin === null || stdout === null) throw new Error('git http-backend started without pipes');
    // http-backend may exit before reading the whole body (e.g. 404 on a POST):
    // EPIPE then is expected, so swallow it and drain the rest of the request.
    stdin.on('error', () => {
      req.unpipe(stdin);
      req.resume();
    });
    req.once('error', () => child.kill('SIGTERM'));
    // Plain pipe (not pipeline): a stdin failure must not destroy req, whose socket carries the response.
    req.pipe(stdin);

    let headBuffer: Buffer = Buffer.alloc(0);
    let headDone = false;
    let backendFailed = false;
    // Turns a broken or missing CGI header block into a 502 carrying the reason
    // (and git's stderr), which is far easier to debug than a dropped connection.
    function failHead(why: string): Buffer {
      headDone = true;
      backendFailed = true;
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      const gitStderr = Buffer.concat(stderr).toString('utf8').trim();
      return Buffer.from(`git http-backend: ${why}${gitStderr === '' ? '' : `: ${gitStderr}`}\n`, 'utf8');
    }
    // Everything after the blank line is the HTTP body, streamed with backpressure
    // so large packs never sit in memory and many concurrent pushes stay cheap.
    async function* cgiBody(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        if (headDone) {
          yield chunk;
          continue;
        }
        headBuffer = headBuffer.length === 0 ? chunk : Buffer.concat([headBuffer, chunk]);
        const split = splitCgiHead(headBuffer);
        if (split === undefined) {
          if (headBuffer.length > MAX_CGI_HEADER_BYTES) {
            yield failHead('CGI header block too large');
            return;
          }
          continue;
        }
        try {
          const head = parseCgiHead(split.lines);
          // writeHead throws on header values Node considers invalid; that is a backend fault too.
          if (head.reason === undefined) res.writeHead(head.status, head.headers);
          else res.writeHead(head.status, head.reason, head.headers);
        } catch (error: unknown) {
          yield failHead(error instanceof Error ? error.message : String(error));
          return;
        }
        headDone = true;
        const rest = headBuffer.subarray(split.bodyStart);
        headBuffer = Buffer.alloc(0);
        if (rest.length > 0) yield rest;
      }
      if (!headDone) {
        // stdout closed before a complete header block: git failed to start or died early.
        const outcome = await exited;
        yield failHead(`no response (${outcome.error?.message ?? `exit code ${String(outcome.code)}`})`);
      }
    }

    let completed = false;
    try {
      await pipeline(stdout as Readable & AsyncIterable<Buffer>, cgiBody, res);
      completed = !backendFailed;
    } catch {
      // Only stream failures land here (typically the client hung up); pipeline
      // has already destroyed res, so there is nobody left to answer.
    }
    // On failure git may still be running. On success it is left alone: stdout
    // closes before http-backend has necessarily exited, and a normal exit
    // must not be cut short.
    if (!completed && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const authorization = headerValue(req, 'authorization');
    const authorized = authorization !== undefined && basicAuthMatches(authorization, expectedCredentials);
    const record: GitHttpRequestRecord = { method: req.method ?? '', path: req.url ?? '', authorized };
    if (authorization !== undefined) record.authorization = authorization;
    requests.push(record);
    if (opts.route?.(req, res)) return;
    if (!authorized && !isPublicFetch(req.url ?? '')) {
      rejectUnauthorized(req, res);
      return;
    }
    runBackend(req, res).catch((error: unknown) => replyError(res, 500, `git-http-server: ${String(error)}`));
  });
  // Big pushes on a slow CI box can outlast Node's default 5-minute request timeout.
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, ephemeral port: never reachable from other machines and no port clashes between parallel test files.
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await rm(root, { recursive: true, force: true });
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${String(port)}`;

  function repoUrl(name: string): string {
    return `${url}/${name}.git`;
  }

  async function createBareRepo(name: string, files: Record<string, string>, branch = 'main'): Promise<string> {
    if (!REPO_NAME_PATTERN.test(name) || name.split('/').some((s) => s === '.' || s === '..')) {
      throw new Error(`createBareRepo: invalid repository name ${JSON.stringify(name)}`);
    }
    // Validate every path before touching the disk.
    const entries = Object.entries(files).map(([file, content]) => ({ segments: safeRelativeSegments(file), content }));
    await runGit(['check-ref-format', '--branch', branch], root);

    const bare = join(root, `${name}.git`);
    await mkdir(dirname(bare), { recursive: true });
    // --initial-branch makes HEAD name `branch`, so clones check it out.
    await runGit(['init', '--quiet', '--bare', `--initial-branch=${branch}`, bare], root);
    // Pushes must work even for a request http-backend sees without REMOTE_USER.
    await runGit(['-C', bare, 'config', 'http.receivepack', 'true'], root);

    // The seed clone lives outside root so it is never served.
    const scratch = await mkdtemp(join(tmpdir(), 'git-http-seed-'));
    try {
      const work = join(scratch, 'work');
      // Cloning an empty repository warns on stderr; runGit only fails on the exit code.
      await runGit([...SEED_CONFIG, 'clone', '--quiet', bare, work], scratch);
      // git 2.39 does not take an empty remote's HEAD, so point ours at `branch` explicitly.
      await runGit(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], work);
      await writeFile(join(work, '.git', 'info', 'attributes'), NO_CONVERSION_ATTRIBUTES);
      for (const { segments, content } of entries) {
        const target = join(work, ...segments);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content, 'utf8');
      }
      await runGit([...SEED_CONFIG, 'add', '--all', '--force'], work);
      await runGit(
        [...SEED_CONFIG, ...SEED_IDENTITY, 'commit', '--quiet', '--allow-empty', '--no-verify', '-m', 'Initial commit'],
        work,
      );
      await runGit([...SEED_CONFIG, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], work);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return bare;
  }

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets from git would otherwise hold close() open.
      server.closeAllConnections();
      for (const child of children.keys()) child.kill('SIGTERM');
      await Promise.all([stopped, ...children.values()]);
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    })();
    return closing;
  }

  return { url, root, repoUrl, createBareRepo, requests, close };
}
