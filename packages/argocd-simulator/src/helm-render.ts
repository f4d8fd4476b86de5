/**
 * A Helm source rendered as Argo CD's repo server renders it: the chart directory and its value
 * files are written out from the commit, then `helm template . --name-template <release>
 * --namespace <destination namespace> [--values <file>]… [--set[-string] name=value]…
 * --include-crds` runs in the chart directory (reposerver/repository GenerateManifests →
 * helmTemplate). The simulator never downloads helm: it runs the binary it was given
 * (`helmBin`, default `HELM_BIN`); without one a Helm source fails the way a repo server without
 * the tool does, as a ComparisonError.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { stringify } from 'yaml';
import type { RepoSnapshot } from './git-reader.js';
import type { HelmSourceConfig } from './types.js';
import { ManifestError, parseManifestFile, type K8sObject } from './manifest-parse.js';


export interface HelmRenderContext {
  helmBin: string | undefined;
  releaseName: string;
  namespace: string;
  helm: HelmSourceConfig | undefined;
}

type ReadFiles = (paths: readonly string[]) => Promise<Map<string, string>>;

// A chart that renders longer than this is a hung helm, not a slow one.
const HELM_TIMEOUT_MS = 60_000;
const INLINE_VALUES_FILE = '_argocd-inline-values.yaml';

/** Renders the chart at `dir` (repository-relative) of `snapshot`. */
export async function helmTemplate(snapshot: RepoSnapshot, read: ReadFiles, dir: string, context: HelmRenderContext): Promise<K8sObject[]> {
  const helm = context.helm ?? {};
  const args = ['template', '.', '--name-template', helm.releaseName ?? context.releaseName, '--namespace', context.namespace];
  if (!context.helmBin) {
    // Argo CD's wording when the repo server's image lacks the tool, plus how to give the simulator one.
    throw new ManifestError(`\`helm ${args.join(' ')}\` failed: exec: "helm": executable file not found in $PATH (give the simulator a helm binary: option helmBin or the HELM_BIN variable)`);
  }
  const valueFiles = resolveValueFiles(snapshot, dir, helm);
  const chartFiles = [...snapshot.files.keys()].filter((file) => file.startsWith(dir === '' ? '' : `${dir}/`));
  const root = await mkdtemp(join(tmpdir(), 'argocd-sim-helm-'));
  try {
    const repo = join(root, 'repo');
    await writeFiles(repo, await read([...new Set([...chartFiles, ...valueFiles])]));
    args.push(...(await valuesArgs(helm, valueFiles.map((file) => posix.relative(dir, file)), root)), '--include-crds');
    const output = await runHelm(context.helmBin, args, join(repo, dir), root);
    // The scratch paths would make every message (and so the ComparisonError) differ between runs.
    const stable = (text: string): string => text.split(`${repo}/`).join('').split(`${root}/`).join('');
    if (output.code !== 0) {
      throw new ManifestError(`\`helm ${stable(args.join(' '))}\` failed exit status ${output.code ?? 'signal'}: ${stable(output.stderr.trim())}`);
    }
    try {
      return parseManifestFile('helm template output', output.stdout);
    } catch (error) {
      // Helm's output that does not split into objects is the tool's error (Unknown), not a file's.
      throw new ManifestError(error instanceof Error ? error.message : String(error));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function writeFiles(root: string, contents: ReadonlyMap<string, string>): Promise<void> {
  for (const [file, text] of contents) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
}

/** Argo CD's order: value files, then inline values (a file of their own), then parameters. */
async function valuesArgs(helm: HelmSourceConfig, valueFiles: readonly string[], scratch: string): Promise<string[]> {
  const args = valueFiles.flatMap((file) => ['--values', file]);
  const inline = inlineValues(helm);
  if (inline !== undefined) {
    await writeFile(join(scratch, INLINE_VALUES_FILE), inline);
    args.push('--values', join(scratch, INLINE_VALUES_FILE));
  }
  for (const parameter of helm.parameters ?? []) {
    args.push(parameter.forceString ? '--set-string' : '--set', `${parameter.name}=${escapeCommas(parameter.value)}`);
  }
  return args;
}

/** Repository paths of the value files, in order; each must stay inside the repository. */
function resolveValueFiles(snapshot: RepoSnapshot, dir: string, helm: HelmSourceConfig): string[] {
  const files: string[] = [];
  for (const valueFile of helm.valueFiles ?? []) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(valueFile) || valueFile.startsWith('$')) {
      throw new ManifestError(`value file '${valueFile}': remote and \`$ref\` value files are not simulated`);
    }
    const joined = valueFile.startsWith('/') ? posix.normalize(valueFile.slice(1)) : posix.normalize(posix.join(dir === '' ? '.' : dir, valueFile));
    if (joined === '..' || joined.startsWith('../')) throw new ManifestError(`value file '${valueFile}' resolved to outside repository root`);
    if (!snapshot.files.has(joined)) {
      if (helm.ignoreMissingValueFiles) continue;
      throw new ManifestError(`Error: open ${joined}: no such file or directory`);
    }
    files.push(joined);
  }
  return files;
}

/** `valuesObject` wins over `values`, as in Argo CD; undefined when neither is set. */
function inlineValues(helm: HelmSourceConfig): string | undefined {
  if (helm.valuesObject !== undefined) return stringify(helm.valuesObject);
  return helm.values !== undefined && helm.values.trim() !== '' ? helm.values : undefined;
}

/** Argo CD's cleanSetParameters: a `{a,b}` list stays; other commas are escaped for `--set`. */
function escapeCommas(value: string): string {
  if (value.startsWith('{') && value.endsWith('}')) return value;
  return value.replace(/(?<!\\),/g, '\\,');
}

interface HelmOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runHelm(helmBin: string, args: readonly string[], cwd: string, scratch: string): Promise<HelmOutput> {
  return new Promise<HelmOutput>((resolve, reject) => {
    const child = spawn(helmBin, [...args], {
      cwd,
      // Helm's homes in the scratch folder: nothing of the user's is read or written.
      env: { ...process.env, HELM_CACHE_HOME: join(scratch, 'cache'), HELM_CONFIG_HOME: join(scratch, 'config'), HELM_DATA_HOME: join(scratch, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: HELM_TIMEOUT_MS,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => reject(new ManifestError(`\`helm ${args.join(' ')}\` failed: ${error.message}`)));
    child.once('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}
