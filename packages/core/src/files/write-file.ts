import { unlinkSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** `.<name>.gitops-promote-<pid>-<time>.tmp`: a temp file of ours, and the process that wrote it. */
const TEMP_NAME = /^\..+\.gitops-promote-(\d+)-\d+\.tmp$/;

/** Temp files this process has created and not yet renamed or removed. */
const inFlight = new Set<string>();

/**
 * Replaces a file's content all at once: write a sibling temp file, keep the mode, rename over.
 * A crash or a full disk leaves the old file or the new one, never half of each. A CI cancel
 * (SIGTERM, SIGINT) in between removes the temp file before the process ends; after a SIGKILL,
 * the next run's `removeStaleTempFiles` does.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  // A file that does not exist yet (the hold record's) is created with its folder, mode 0644.
  const mode = await stat(file).then(
    (stats) => stats.mode,
    async () => {
      await mkdir(path.dirname(file), { recursive: true });
      return 0o644;
    },
  );
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.gitops-promote-${process.pid}-${Date.now()}.tmp`);
  track(temp);
  try {
    await writeFile(temp, content, { encoding: 'utf8', mode });
    await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    untrack(temp);
  }
}

/**
 * Deletes temp files of ours in `dirs` whose writer is gone (killed mid-write), so they never end
 * up in a `git add -A` or a later glob. A file whose process still runs is left alone: it may be
 * a concurrent run's write about to be renamed.
 */
export async function removeStaleTempFiles(dirs: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = TEMP_NAME.exec(name)?.[1];
      const file = path.join(dir, name);
      // Our own pid in the name: a write of ours in flight, or a leftover of an earlier process
      // that had the same pid (containers number processes alike from run to run).
      if (pid === undefined || inFlight.has(file) || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue;
      await unlink(file).then(
        () => removed.push(file),
        () => undefined,
      );
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed.
    }
  }
  inFlight.clear();
  for (const name of SIGNALS) process.removeListener(name, onSignal);
  // With our listener gone, the same signal ends the process the default way (exit code 128+n).
  process.kill(process.pid, signal);
}

/** Registers a temp file to delete if a signal ends the process before `untrack`; exported for tests. */
export function track(temp: string): void {
  if (inFlight.size === 0) for (const name of SIGNALS) process.on(name, onSignal);
  inFlight.add(temp);
}

export function untrack(temp: string): void {
  inFlight.delete(temp);
  if (inFlight.size === 0) for (const name of SIGNALS) process.removeListener(name, onSignal);
}
