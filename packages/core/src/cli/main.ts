#!/usr/bin/env node
// The CLI: `gitops-promote <step> --flag value`, the same steps as the actions, on any machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../errors';
import { ciOf } from '../platform/ci-environment';
import { neutralise } from '../text/neutralise';
import { secretVariable } from '../platform/secret-variable';
import { TerminalPlatform } from '../platform/terminal-platform';
import { STEPS } from '../steps/registry';
import { likelyMeant } from '../text/closest';
import { runStep } from '../steps/run-step';
import { parseStepArguments, stepHelp, type StepArguments } from './arguments';
import { runDemo } from './demo';

/** Every step's secret inputs, each named once. */
const SECRET_FLAGS = [...new Set(STEPS.flatMap((step) => step.spec.inputs.filter((input) => input.secret).map((input) => input.name)))];

const USAGE = `gitops-promote — carry a container image through GitOps environments

Usage:
  gitops-promote <step> [--flag value ...]   run a step (flags = the action's inputs)
  gitops-promote <step> --help               the step's flags and outputs
  gitops-promote demo [--keep]               a real promotion against a throwaway local git repository
  gitops-promote demo --help                 what the demo does
  gitops-promote --version                   the version of this package

Secrets are read from the environment, off the command line that ps shows to every user:
${SECRET_FLAGS.map((name) => `  ${secretVariable(name)} for --${name}`).join('\n')}

Steps:
${STEPS.map((step) => `  ${step.spec.name.padEnd(22)} ${step.spec.description}`).join('\n')}
`;

/**
 * The version of the package this CLI ships in: dist/cli/index.js sits two folders below its
 * package.json, in this repository and in an installed package alike.
 */
function version(): string {
  const manifest = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') return parsed.version;
  } catch {
    // Reported below.
  }
  return 'unknown (no package.json beside the bundle)';
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === 'demo') return runDemo(rest);
  const step = STEPS.find((candidate) => candidate.spec.name === command);
  if (!step) {
    const commands = [...STEPS.map((s) => s.spec.name), 'demo'];
    const meant = likelyMeant(command, commands);
    const fix = `${meant === undefined ? 'use' : `Did you mean ${meant}? Otherwise use`} one of: ${commands.join(', ')}.`;
    process.stderr.write(`error: unknown step '${neutralise(command)}'.\n  How to fix: ${fix}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${stepHelp(step.spec)}\n`);
    return 0;
  }
  if (rest.length === 0 && ciOf(process.env) !== undefined) {
    // A CI's conventions, as the step bundles follow them: inputs from INPUT_* variables, outputs
    // where the CI reads them (GitLab's dotenv report). The GitLab templates run the CLI so.
    await runStep(step);
    return process.exitCode === 1 ? 1 : 0;
  }
  if (process.env.GITOPS_PROMOTE_PLATFORM === 'gitlab') {
    process.stderr.write(
      'error: flags given while GITOPS_PROMOTE_PLATFORM=gitlab selects the GitLab conventions (inputs from INPUT_<NAME> variables).\n  How to fix: pass the inputs as INPUT_<NAME> variables (the templates do), or unset GITOPS_PROMOTE_PLATFORM to use flags.\n',
    );
    return 2;
  }
  let parsed: StepArguments;
  try {
    parsed = parseStepArguments(step.spec, rest);
  } catch (error) {
    process.stderr.write(`error: ${neutralise(describeError(error))}\n`);
    return 2;
  }
  const platform = new TerminalPlatform(parsed.inputs);
  for (const warning of parsed.warnings) platform.warning(warning);
  await runStep(step, platform, { flags: true });
  return process.exitCode === 1 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${neutralise(describeError(error))}\n`);
    process.exitCode = 1;
  },
);
