/**
 * Reads commits of a local git repository (bare or with a work tree) through the git CLI, the way
 * Argo CD's repo server reads a clone: resolve a revision to a commit, list its tree, read blobs.
 * Only committed content is seen, never the work tree, so a test "pushes" by committing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export class GitReadError extends Error {}

export interface RepoSnapshot {
  commit: string;
  /** Every file of the commit: path (with `/`) → blob id. */
  files: ReadonlyMap<string, string>;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const LIST_CACHE_LIMIT = 256;
const BLOB_CACHE_LIMIT = 4096;

export class GitReader {
  // A commit's tree and a blob's bytes never change, so both caches need no invalidation.
  private readonly listings = new Map<string, RepoSnapshot>();
  private readonly blobs = new Map<string, string>();

  /** Resolves a branch, tag, `HEAD` or (abbreviated) SHA to a full commit id. */
  async resolve(repoPath: string, revision: string): Promise<string> {
    // spawn in a missing directory fails as if git itself were missing; say what is really wrong.
    if (!existsSync(repoPath)) throw new GitReadError('repository not found');
    const result = await runGit(repoPath, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    const commit = result.stdout.trim();
    if (result.code !== 0 || !SHA.test(commit)) {
      throw new GitReadError(`unable to resolve '${revision}' to a commit SHA`);
    }
    return commit;
  }

  async snapshot(repoPath: string, commit: string): Promise<RepoSnapshot> {
    const key = `${repoPath}\u0000${commit}`;
    const cached = this.listings.get(key);
    if (cached) return cached;
    const result = await runGit(repoPath, ['ls-tree', '-r', '-z', '--full-tree', commit]);
    if (result.code !== 0) throw new GitReadError(`git ls-tree ${commit} failed: ${result.stderr.trim()}`);
    const files = new Map<string, string>();
    for (const entry of result.stdout.split('\u0000')) {
      // `<mode> <type> <object>\t<path>`; submodules (type commit) carry no content to read.
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [, type, oid] = entry.slice(0, tab).split(' ');
      if (type === 'blob' && oid) files.set(entry.slice(tab + 1), oid);
    }
    const snapshot: RepoSnapshot = { commit, files };
    if (this.listings.size >= LIST_CACHE_LIMIT) this.listings.delete(this.listings.keys().next().value ?? '');
    this.listings.set(key, snapshot);
    return snapshot;
  }

  /** Reads blobs by id with one `git cat-file --batch`, returning UTF-8 text per id. */
  async readBlobs(repoPath: string, oids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const missing = [...new Set(oids)].filter((oid) => {
      const hit = this.blobs.get(oid);
      if (hit !== undefined) out.set(oid, hit);
      return hit === undefined;
    });
    if (missing.length === 0) return out;
    const result = await runGit(repoPath, ['cat-file', '--batch'], `${missing.join('\n')}\n`, true);
    if (result.code !== 0) throw new GitReadError(`git cat-file failed: ${result.stderr.trim()}`);
    const data = result.raw;
    let offset = 0;
    while (offset < data.length) {
      const newline = data.indexOf(0x0a, offset);
      if (newline < 0) break;
      const [oid, type, sizeText] = data.subarray(offset, newline).toString('utf8').split(' ');
      const size = Number(sizeText);
      if (!oid || type !== 'blob' || !Number.isInteger(size)) throw new GitReadError(`unexpected git cat-file output for ${oid ?? '?'}`);
      const text = data.subarray(newline + 1, newline + 1 + size).toString('utf8');
      out.set(oid, text);
      if (this.blobs.size >= BLOB_CACHE_LIMIT) this.blobs.delete(this.blobs.keys().next().value ?? '');
      this.blobs.set(oid, text);
      offset = newline + 1 + size + 1;
    }
    return out;
  }
}

interface GitOutput {
  code: number | null;
  stdout: string;
  stderr: string;
  raw: Buffer;
}

function runGit(cwd: string, args: readonly string[], input?: string, binary = false): Promise<GitOutput> {
  return new Promise<GitOutput>((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      // The repository is the test's or the demo's own; no prompts, stable English messages.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => reject(new GitReadError(`could not run git: ${error.message}`)));
    child.once('close', (code) => {
      const raw = Buffer.concat(stdout);
      resolve({ code, stdout: binary ? '' : raw.toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), raw });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}
