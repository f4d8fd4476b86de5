import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a file's content all at once: write a sibling temp file, keep the mode, rename over.
 * A crash or a full disk leaves the old file or the new one, never half of each.
 */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const { mode } = await stat(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.gitops-promote-${process.pid}-${Date.now()}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', mode });
    await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
