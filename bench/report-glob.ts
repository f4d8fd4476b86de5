import { ms, ratio, table } from './markdown';
import { GLOB, type GlobResult } from './measure-glob';

export function renderGlob(results: readonly GlobResult[]): string {
  const rows = results.map((r) => [
    String(r.files),
    r.variant,
    String(r.changes),
    String(r.rounds),
    ms(r.step),
    ms(r.step / r.files),
    ms(r.baseline),
    ratio(r.step / r.baseline),
  ]);
  const problems = results.filter((r) => r.problem).map((r) => `${r.files} files, ${r.variant}: **${r.problem}**`);
  return [
    '## 4. Many files under one glob',
    '',
    table(
      ['files', 'image set', 'changes', 'rounds', 'step (dry run), median', 'per file', 'read + `parseAllDocuments`, median', '÷ baseline'],
      rows,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    `- \`runUpdateManifest\` in process with \`files: ${GLOB}\` and \`dry-run: true\` (a terminal platform, logs discarded): the real file selection, UTF-8 check and edit of every file, nothing written. The baseline reads the same files and parses each with \`yaml\`'s defaults.`,
    '- Each file is a Deployment (its own image and the shared sidecar) and a Service. "every file matches" sets the sidecar image; "one file matches" one app\'s own image, so the other files hold no match, and each of their documents is still composed (without a match in a file, every document is checked, so a malformed file is refused).',
    '- Rounds interleave the three runs in rotating order; one unmeasured warm-up round precedes the first count only.',
    ...problems.map((p) => `- ${p}`),
    '',
  ].join('\n');
}
