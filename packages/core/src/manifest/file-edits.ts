import { readFile } from 'node:fs/promises';
import { FileSelectionError } from '../files/errors';
import { ManifestEditError } from './errors';
import type { SelectedFile } from '../files/repo-files';
import type { EditRequest } from './edit-request';
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
 * Reads and edits `files` in memory; nothing is written. `read` gives the text at a commit instead
 * of the work tree, to decide whether that commit holds the values: there a missing file, or files
 * that match nothing at all, are `pending` rather than an error.
 */
export async function planFileEdits(request: EditRequest, files: readonly SelectedFile[], read?: FileReader): Promise<PlannedFile[]> {
  const results: PlannedFile[] = [];
  for (const file of files) {
    const source = read ? await read(file) : await readText(file);
    if (source === undefined) {
      results.push({ file: file.relative, absolute: file.absolute, source: '', output: '', pending: true, changes: [], matched: 0, imagesSeen: () => new Set() });
    } else {
      results.push({ ...editManifest(source, file.relative, request), absolute: file.absolute });
    }
  }
  const matched = results.reduce((sum, result) => sum + result.matched, 0);
  if (matched === 0) {
    if (!read) throw nothingMatched(request, results);
    for (const result of results) result.pending = true;
  }
  return results;
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

/** The error for a request that matched nothing in any of the files, with the image names that are there. */
export function nothingMatched(request: EditRequest, results: readonly FileEditResult[]): ManifestEditError {
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
