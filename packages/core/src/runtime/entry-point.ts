import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the file node was started with. A step bundle starts its
 * step only then: GitHub's runner runs `node dist/<step>/index.js`, while a host that imports the
 * bundle (GitHub's @github/local-action, the root action's dispatcher, a test) calls its exported
 * `run()` itself and must not get a second run on import.
 */
export function isProcessEntry(moduleUrl: string, argv: readonly string[] = process.argv): boolean {
  const started = argv[1];
  if (started === undefined) return false;
  return canonical(path.resolve(started)) === canonical(fileURLToPath(moduleUrl));
}

/** The real path, symlinks resolved; `node dist/<step>` names the folder, whose index.js runs. */
function canonical(file: string): string {
  try {
    const real = realpathSync(file);
    return statSync(real).isDirectory() ? realpathSync(path.join(real, 'index.js')) : real;
  } catch {
    return file;
  }
}
