#!/usr/bin/env node
// The CLI: `gitops-promote <step> --flag value`, the same steps as the actions, on any machine.
import { describeError } from '../errors';
import { TerminalPlatform } from '../platform/terminal-platform';
import { STEPS } from '../steps/registry';
import { runStep } from '../steps/run-step';
import { parseStepArguments, stepHelp } from './arguments';
import { runDemo } from './demo';

const USAGE = `gitops-promote — carry a container image through GitOps environments

Usage:
  gitops-promote <step> [--flag value ...]   run a step (flags = the action's inputs)
  gitops-promote <step> --help               the step's flags and outputs
  gitops-promote demo [--keep]               a real promotion against a throwaway local git repository

Steps:
${STEPS.map((step) => `  ${step.spec.name.padEnd(22)} ${step.spec.description}`).join('\n')}
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'demo') return runDemo(rest);
  const step = STEPS.find((candidate) => candidate.spec.name === command);
  if (!step) {
    process.stderr.write(`error: unknown step '${command}'.\n  How to fix: use one of: ${STEPS.map((s) => s.spec.name).join(', ')}, demo.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${stepHelp(step.spec)}\n`);
    return 0;
  }
  let inputs: Map<string, string>;
  try {
    inputs = parseStepArguments(step.spec, rest);
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`);
    return 2;
  }
  await runStep(step.run, new TerminalPlatform(inputs));
  return process.exitCode === 1 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
