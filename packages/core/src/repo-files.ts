import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { FileSelectionError } from './errors';

/** Splits a `files` input: one entry per line or comma, blanks ignored. */
export function splitList(input: string): string[] {
  return input
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** A file selected for editing: `relative` (POSIX, for messages and git) and `absolute`. */
export interface SelectedFile {
  relative: string;
  absolute: string;
}

/**
 * Resolves `files` entries (paths or globs, relative to `root`) to regular files inside `root`.
 * Refuses, before anything is written: absolute paths, `..`, entries matching nothing, and
 * symlinks that lead outside the repository (a symlink inside it is edited at its target).
 */
export async function selectFiles(root: string, entries: readonly string[]): Promise<SelectedFile[]> {
  const realRoot = await realpath(root);
  const selected = new Map<string, SelectedFile>();
  for (const entry of entries) {
    const posix = entry.replace(/\\/g, '/');
    if (path.isAbsolute(entry) || path.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) {
      throw new FileSelectionError(
        `'files' entry ${JSON.stringify(entry)} is an absolute path.`,
        "Give paths relative to 'path' (the environment repository's checkout), e.g. 'envs/dev/kustomization.yaml'.",
      );
    }
    if (posix.split('/').includes('..')) {
      throw new FileSelectionError(
        `'files' entry ${JSON.stringify(entry)} climbs out of the repository with '..'.`,
        "Point 'path' at the repository and give files relative to it.",
      );
    }
    const matches = isDynamicPattern(posix)
      ? await glob(posix, { cwd: realRoot, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/.git/**', '**/node_modules/**'], expandDirectories: false })
      : [posix];
    if (matches.length === 0) {
      throw new FileSelectionError(
        `'files' entry ${JSON.stringify(entry)} matched no file under ${root}.`,
        'Check the path and the glob (globs are relative to `path`; `**/*.yaml` spans subdirectories).',
      );
    }
    for (const match of matches.sort()) {
      const file = await resolveInside(realRoot, match, entry);
      selected.set(file.absolute, file);
    }
  }
  return [...selected.values()];
}

async function resolveInside(realRoot: string, relative: string, entry: string): Promise<SelectedFile> {
  const candidate = path.join(realRoot, relative);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw new FileSelectionError(
      `'files' entry ${JSON.stringify(entry)}: ${relative} does not exist.`,
      'Check the spelling and that the checkout (`path`) is the environment repository.',
    );
  }
  const inside = path.relative(realRoot, real);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new FileSelectionError(
      `'files' entry ${JSON.stringify(entry)}: ${relative} is a symlink leading outside the repository (${real}).`,
      'Edit files that live in the repository; symlinks out of it are refused so a step cannot write elsewhere on the runner.',
    );
  }
  if (inside.split(path.sep)[0] === '.git') {
    throw new FileSelectionError(`'files' entry ${JSON.stringify(entry)} points into .git.`, 'Name manifest files, not git internals.');
  }
  const stats = await lstat(real);
  if (!stats.isFile()) {
    throw new FileSelectionError(
      `'files' entry ${JSON.stringify(entry)}: ${relative} is not a regular file.`,
      'Name files, or use a glob such as `envs/dev/*.yaml` for a directory.',
    );
  }
  return { relative: inside.split(path.sep).join('/'), absolute: real };
}
