import { readFile } from 'node:fs/promises';
import { FileSelectionError } from '../files/errors';
import { ManifestEditError } from './errors';
import type { SelectedFile } from '../files/repo-files';
import { requestList, requestName, type EditRequest, type EditRequests } from './edit-request';
import { formatKeyPath } from './key-path';
import { editManifest, type FileEditResult } from './manifest-editor';

/** A file's planned edit with where it lives: the shape the git publishers commit. */
export interface PlannedFile extends FileEditResult {
  absolute: string;
  /**
   * Read from a commit that lacks the values in a way no edit of its text shows (the file is
   * missing there, or nothing in it matches): that commit does not hold the values.
   */
  pending?: boolean;
}

/** Reads one selected file's text at some revision; undefined when that revision lacks it. */
export type FileReader = (file: SelectedFile) => Promise<string | undefined>;

/**
 * Reads and edits `files` in memory; nothing is written. Several requests (a train) are all
 * applied to each file, one PlannedFile per file carrying every change. `read` gives the text at a
 * commit instead of the work tree, to decide whether that commit holds the values: there a missing
 * file, or a request that matches nothing in any file, makes every file `pending` rather than an
 * error. In the work tree a request that matches nothing is an error naming it.
 */
export async function planFileEdits(requests: EditRequests, files: readonly SelectedFile[], read?: FileReader): Promise<PlannedFile[]> {
  const list = requestList(requests);
  const results: PlannedFile[] = [];
  for (const file of files) {
    const source = read ? await read(file) : await readText(file);
    if (source === undefined) {
      results.push({ ...unreadFile(file, list.length), pending: true });
    } else {
      results.push({ ...editManifest(source, file.relative, list), absolute: file.absolute });
    }
  }
  const unmatched = list.filter((_, index) => results.every((result) => (result.byRequest[index]?.matched ?? 0) === 0));
  if (unmatched.length > 0) {
    if (!read) throw nothingMatched(unmatched, results);
    for (const result of results) result.pending = true;
  }
  return results;
}

/** The plan of a file a revision lacks: nothing read, nothing matched. */
function unreadFile(file: SelectedFile, requests: number): PlannedFile {
  const byRequest = Array.from({ length: requests }, () => ({ matched: 0, changes: [] }));
  return { file: file.relative, absolute: file.absolute, source: '', output: '', changes: [], matched: 0, imagesSeen: () => new Set(), byRequest };
}

/**
 * The files' texts, from the work tree or (with `read`) a commit, for readImages/readKeys; a file
 * the commit lacks reads as ''.
 */
export async function readSources(files: readonly SelectedFile[], read?: FileReader): Promise<Array<{ file: string; source: string }>> {
  const texts: Array<{ file: string; source: string }> = [];
  for (const file of files) texts.push({ file: file.relative, source: (read ? await read(file) : await readText(file)) ?? '' });
  return texts;
}

/** A file's bytes as UTF-8 text; anything else is refused rather than mangled. */
export async function readText(file: SelectedFile): Promise<string> {
  const bytes = await readFile(file.absolute);
  const source = bytes.toString('utf8');
  if (!Buffer.from(source, 'utf8').equals(bytes)) {
    throw new FileSelectionError(`${file.relative} is not UTF-8 text.`, 'Save the manifest as UTF-8 (Kubernetes and Helm read YAML as UTF-8 anyway).');
  }
  return source;
}

/**
 * The error for requests that matched nothing in any of the files: the first one named with the
 * image names that are there (as for a single request), the others listed after it.
 */
function nothingMatched(requests: EditRequests, results: readonly FileEditResult[]): ManifestEditError {
  const [first, ...others] = requestList(requests);
  if (!first) throw new Error('nothingMatched needs a request');
  const error = nothingMatchedOne(first, results);
  if (others.length === 0) return error;
  const names = others.map(requestName);
  return new ManifestEditError(`${error.message} Also matching nothing: ${names.slice(0, 10).join(', ')}${names.length > 10 ? `, … (${names.length} in all)` : ''}.`, error.hint);
}

function nothingMatchedOne(request: EditRequest, results: readonly FileEditResult[]): ManifestEditError {
  const where = `${results.length} file${results.length === 1 ? '' : 's'} (${results.map((r) => r.file).slice(0, 5).join(', ')}${results.length > 5 ? ', …' : ''})`;
  if (request.mode === 'image') {
    const seen = [...new Set(results.flatMap((r) => [...r.imagesSeen()]))].sort();
    return new ManifestEditError(
      `Image ${request.image.name} is not referenced in ${where}.`,
      seen.length > 0
        ? `The image name must match exactly (registry and path, no tag). Images found: ${seen.slice(0, 10).join(', ')}${seen.length > 10 ? ', …' : ''}.`
        : "These files reference no image; check 'files'.",
    );
  }
  return new ManifestEditError(
    `Key path ${formatKeyPath(request.path)} exists in none of ${where}.`,
    "Check the key path against the file (list positions count from 0); a missing key is not created.",
  );
}
