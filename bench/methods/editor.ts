import { editManifest, type FileEditResult } from '../../packages/core/src/manifest/manifest-editor';
import type { CorpusFile } from '../corpus';
import type { BenchEdit } from '../pick-edit';

// Imported from the module, not the package index: the index also loads @actions/core, whose
// ESM-only exports tsx cannot require, and the bench measures the editor alone anyway.
export function runEditor(file: CorpusFile, edit: BenchEdit): FileEditResult {
  return editManifest(file.source, file.entry.file, edit.request);
}
