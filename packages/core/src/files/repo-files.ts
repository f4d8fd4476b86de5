import { readdir, type Dirent } from 'node:fs';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern, type FileSystemAdapter } from 'tinyglobby';
import { FileSelectionError } from './errors';
import { quoteForMessage } from '../text/one-line';


/** A file selected for editing: `relative` (POSIX, for messages and git) and `absolute`. */
export interface SelectedFile {
  relative: string;
  absolute: string;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Resolves `files` entries (paths or globs, relative to `root`) to regular files inside `root`.
 * Refuses, before anything is written: a missing `root`, absolute paths, `..`, names holding
 * control characters, entries matching nothing, anything in a `.git` directory or a submodule's
 * `.git` file, and symlinks that lead outside the repository (a symlink inside it is edited at its
 * target). A glob obeys the same rules as a literal path: it never selects `.git` contents, and
 * matching a symlink out of the repository is an error, not a file quietly left out.
 */
export async function selectFiles(root: string, entries: readonly string[]): Promise<SelectedFile[]> {
  const realRoot = await repositoryRoot(root);
  const selected = new Map<string, SelectedFile>();
  for (const entry of entries) {
    const posix = entry.replace(/\\/g, '/');
    refuseControlCharacters(entry, entry);
    if (path.isAbsolute(entry) || path.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) {
      throw new FileSelectionError(
        `'files' entry ${quoteForMessage(entry)} is an absolute path.`,
        "Give paths relative to 'path' (the environment repository's checkout), e.g. 'envs/dev/kustomization.yaml'.",
      );
    }
    if (posix.split('/').includes('..')) {
      throw new FileSelectionError(
        `'files' entry ${quoteForMessage(entry)} climbs out of the repository with '..'.`,
        "Point 'path' at the repository and give files relative to it.",
      );
    }
    const dynamic = isDynamicPattern(posix);
    if (!dynamic && inGitDirectory(posix.split('/'))) refuseGitInternals(entry, `${posix} is`);
    // The ignore list only prunes the walk; a pattern naming `.git` itself (`.x/.git/*`) can still
    // match there, so matches are filtered on their path too.
    const matches = dynamic ? (await globWithSymlinks(realRoot, posix)).filter((match) => !inGitDirectory(match.split('/'))) : [posix];
    const files: SelectedFile[] = [];
    for (const match of matches.sort()) {
      refuseControlCharacters(match, entry);
      const file = await resolveInside(realRoot, match, entry, dynamic);
      if (file) files.push(file);
    }
    if (files.length === 0) {
      throw new FileSelectionError(
        `'files' entry ${quoteForMessage(entry)} matched no file under ${quoteForMessage(root)}.`,
        'Check the path and the glob (globs are relative to `path`, skip .git and node_modules, and `**/*.yaml` spans subdirectories).',
      );
    }
    for (const file of files) selected.set(file.absolute, file);
  }
  return [...selected.values()];
}

async function repositoryRoot(root: string): Promise<string> {
  const hint = "Set 'path' to the directory holding the environment repository's checkout (relative to the working directory), e.g. the `path:` given to actions/checkout.";
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileSelectionError(`path ${quoteForMessage(root)} does not exist.`, hint);
    throw new FileSelectionError(`path ${quoteForMessage(root)} cannot be read (${code ?? 'unknown error'}).`, hint);
  }
  if (!isDirectory) throw new FileSelectionError(`path ${quoteForMessage(root)} is a file, not a directory.`, hint);
  return realpath(root);
}

/**
 * `.git` in any letter case, with trailing dots or spaces, or as the 8.3 short name `git~1`: on
 * Windows and macOS file systems all of these open the same directory, which is why git itself
 * refuses such names in trees.
 */
function inGitDirectory(segments: readonly string[]): boolean {
  return segments.some((segment) => /^(?:\.git[. ]*|git~1)$/i.test(segment));
}

/** `what` ends in a verb: `lib/.git is`, `envs/x.yaml resolves to .git/config,`. */
function refuseGitInternals(entry: string, what: string): never {
  throw new FileSelectionError(
    `'files' entry ${quoteForMessage(entry)}: ${what} inside git's own data (a .git directory or a submodule's .git file).`,
    'Name manifest files of the repository; git internals and submodule checkouts are never edited.',
  );
}

/** A newline would split the name in git's output and our messages; other controls can drive the terminal. */
function refuseControlCharacters(name: string, entry: string): void {
  if (!CONTROL.test(name)) return;
  throw new FileSelectionError(
    name === entry
      ? `'files' entry ${quoteForMessage(entry)} contains a control character.`
      : `'files' entry ${quoteForMessage(entry)} matches ${quoteForMessage(name)}, whose name contains a control character.`,
    'Rename the file without newlines, tabs or other control characters, or narrow the glob so it does not match it.',
  );
}

/**
 * tinyglobby with `followSymbolicLinks: false` leaves symlinks out of its results altogether, so a
 * glob could neither edit a link inside the repository nor notice one leading out of it. Reporting
 * each symlink as a plain file entry lets the glob match it by name without ever following it (a
 * linked directory is not walked); resolveInside then decides what the link may be.
 */
function globWithSymlinks(cwd: string, pattern: string): Promise<string[]> {
  return glob(pattern, {
    cwd,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/.git', '**/.git/**', '**/node_modules/**'],
    expandDirectories: false,
    fs: symlinksAsFiles,
  });
}

function readdirWithSymlinksAsFiles(dir: string, _options: { withFileTypes: true }, callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void): void {
  readdir(dir, { withFileTypes: true }, (error, entries) => {
    if (error) {
      callback(error, []);
      return;
    }
    for (const entry of entries) {
      if (!entry.isSymbolicLink()) continue;
      entry.isFile = () => true;
      entry.isSymbolicLink = () => false;
    }
    callback(null, entries);
  });
}

const symlinksAsFiles: FileSystemAdapter = { readdir: readdirWithSymlinksAsFiles as FileSystemAdapter['readdir'] };

/**
 * The file `relative` names, at its real path. Undefined only for a glob match that is a symlink
 * to a directory in the repository: globs select files, as they do for real directories.
 * `relative` is printed as is: its characters were checked by refuseControlCharacters.
 */
async function resolveInside(realRoot: string, relative: string, entry: string, fromGlob: boolean): Promise<SelectedFile | undefined> {
  const candidate = path.join(realRoot, relative);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    const target = await linkTarget(candidate);
    throw new FileSelectionError(
      target === undefined
        ? `'files' entry ${quoteForMessage(entry)}: ${relative} does not exist.`
        : `'files' entry ${quoteForMessage(entry)}: ${relative} is a symlink to ${quoteForMessage(target)}, which does not exist.`,
      'Check the spelling and that the checkout (`path`) is the environment repository; fix or remove a broken symlink.',
    );
  }
  const inside = path.relative(realRoot, real);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    const isLink = (await linkTarget(candidate)) !== undefined;
    throw new FileSelectionError(
      `'files' entry ${quoteForMessage(entry)}: ${relative} ${isLink ? 'is a symlink leading' : 'leads through a symlink'} outside the repository, to ${quoteForMessage(real)}.`,
      'Edit files that live in the repository; symlinks out of it are refused so a step cannot write elsewhere on the runner (narrow the glob if it should not match this link).',
    );
  }
  const posixInside = inside.split(path.sep).join('/');
  if (inGitDirectory(inside.split(path.sep))) refuseGitInternals(entry, `${relative} resolves to ${quoteForMessage(posixInside)},`);
  const stats = await lstat(real);
  if (!stats.isFile()) {
    if (fromGlob && stats.isDirectory()) return undefined;
    throw new FileSelectionError(
      `'files' entry ${quoteForMessage(entry)}: ${relative} is not a regular file.`,
      'Name files, or use a glob such as `envs/dev/*.yaml` for a directory.',
    );
  }
  return { relative: posixInside, absolute: real };
}

/** What the symlink at `file` points to, as written; undefined when `file` is not a symlink. */
async function linkTarget(file: string): Promise<string | undefined> {
  try {
    return await readlink(file);
  } catch {
    return undefined;
  }
}
