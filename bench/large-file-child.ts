/**
 * One measurement of one method on one file, in a process of its own, so its peak memory is its
 * own: `node --import tsx bench/large-file-child.ts <read|parse|edit> <file> [image]`. Prints one
 * JSON line: the time of the call alone (the file is read before the clock starts), the process's
 * peak RSS, and what the call produced, so the parent can check the edit did what the row claims.
 * `read` only reads the file: the memory every method needs before it starts.
 */
import { readFileSync } from 'node:fs';
import { editManifest } from '../packages/core/src/manifest/manifest-editor';
import { parseOnly } from './methods/yaml-roundtrip';

export interface ChildReport {
  ns: number;
  maxRssBytes: number;
  /** Documents parsed, changes made, or 0 for `read`. */
  count: number;
}

const [method, file, image] = process.argv.slice(2);
if (!file || (method !== 'read' && method !== 'parse' && method !== 'edit') || (method === 'edit' && !image)) {
  throw new Error('usage: large-file-child.ts <read|parse|edit> <file> [image]');
}
const source = readFileSync(file, 'utf8');
const start = process.hrtime.bigint();
const count =
  method === 'read'
    ? 0
    : method === 'parse'
      ? parseOnly(source)
      : editManifest(source, file, { mode: 'image', image: { name: image ?? '', tag: '9.9.9-bench' } }).changes.length;
const ns = Number(process.hrtime.bigint() - start);
// maxRSS is in kibibytes.
const report: ChildReport = { ns, maxRssBytes: process.resourceUsage().maxRSS * 1024, count };
process.stdout.write(`${JSON.stringify(report)}\n`);
