import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomically } from '../../packages/core/src/files/write-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gitops-promote-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the mode and leaves no temp file', async () => {
    const file = join(dir, 'values.yaml');
    await writeFile(file, 'tag: 1\n', { mode: 0o640 });
    await writeFileAtomically(file, 'tag: 2\n');
    expect(await readFile(file, 'utf8')).toBe('tag: 2\n');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['values.yaml']);
  });

  it('removes its in-flight temp file when SIGTERM ends the process, and dies of the signal', async () => {
    const temp = join(dir, '.values.yaml.gitops-promote-1-1.tmp');
    const module = resolve(import.meta.dirname, '../../packages/core/src/files/write-file.ts');
    const script = `
      import { writeFileSync } from 'node:fs';
      import { track } from ${JSON.stringify(module)};
      writeFileSync(${JSON.stringify(temp)}, 'half written');
      track(${JSON.stringify(temp)});
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) done();
      });
      child.once('exit', () => fail(new Error('child exited before it was ready')));
    });
    expect(existsSync(temp)).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(existsSync(temp)).toBe(false);
  });
});

describe('removeStaleTempFiles', () => {
  it("deletes temp files of dead writers only, and nothing that is not ours", async () => {
    const dead = `.a.yaml.gitops-promote-${String(2 ** 22 + 1)}-1.tmp`;
    const alive = `.a.yaml.gitops-promote-${String(process.ppid)}-1.tmp`;
    const mine = `.a.yaml.gitops-promote-${String(process.pid)}-1.tmp`;
    const other = '.a.yaml.swp';
    for (const name of [dead, alive, mine, other, 'a.yaml']) await writeFile(join(dir, name), 'x');
    const removed = await removeStaleTempFiles([dir, dir, join(dir, 'missing')]);
    // Our own pid with no write in flight is a leftover of an earlier process that had the same pid.
    expect(removed.sort()).toEqual([join(dir, dead), join(dir, mine)].sort());
    expect((await readdir(dir)).sort()).toEqual([alive, other, 'a.yaml'].sort());
  });
});
