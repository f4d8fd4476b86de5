/**
 * How the demo tells its story: numbered steps with their timings, the steps' own logs in
 * between, and a closing table. Everything goes to stderr, like every step's log; stdout keeps
 * the steps' `name=value` outputs, as the CLI prints them.
 */
import { performance } from 'node:perf_hooks';
import { secretVariable } from '../platform/secret-variable';
import { TerminalPlatform } from '../platform/terminal-platform';
import { runStep } from '../steps/run-step';
import type { RegisteredStep } from '../steps/step-spec';

/** How a demo step ended, for its closing line and its table row. */
export interface StepEnd {
  /** One line: what the step did. */
  happened: string;
  /** `ok`, or how a failure that was the point of the step ended. */
  result: string;
  /** False when the step did not do what the demo shows: the demo stops there and exits 1. */
  asIntended: boolean;
}

interface Row {
  step: string;
  happened: string;
  ms: number;
  result: string;
}

export class Narrator {
  private readonly rows: Row[] = [];
  private readonly started = performance.now();
  private count = 0;

  constructor(private readonly total: number) {}

  say(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  /** A phase outside the numbered steps (setup), timed by the caller, still shown in the table. */
  record(step: string, happened: string, ms: number): void {
    this.rows.push({ step, happened, ms, result: 'ok' });
    this.say(`${step} … ${seconds(ms)} s, ok: ${happened}`);
  }

  /**
   * Runs one numbered step: announces it with the command a pipeline would run, times it, and
   * closes with what happened. Returns whether the demo goes on.
   */
  async step(name: string, intent: string, command: string, run: () => Promise<StepEnd>): Promise<boolean> {
    const step = `[${++this.count}/${this.total}] ${name}`;
    this.say(`\n${step}: ${intent}\n$ ${command}\n`);
    const start = performance.now();
    const end = await run();
    const ms = performance.now() - start;
    this.rows.push({ step, happened: end.happened, ms, result: end.result });
    this.say(`\n${step} … ${seconds(ms)} s, ${end.result}: ${end.happened}`);
    return end.asIntended;
  }

  /** The closing table: one row per phase, then the total from the start. */
  table(completed: boolean): string {
    const total = performance.now() - this.started;
    const header: [string, string, string, string] = ['Step', 'What happened', 'Seconds', 'Result'];
    const body = this.rows.map((row): [string, string, string, string] => [row.step, row.happened, seconds(row.ms), row.result]);
    const footer: [string, string, string, string] = ['total', completed ? 'setup included' : `stopped at step ${this.count} of ${this.total}`, seconds(total), ''];
    const all = [header, ...body, footer];
    const widths = [0, 1, 2].map((column) => Math.max(...all.map((cells) => cells[column]?.length ?? 0)));
    const line = ([step, happened, secs, result]: [string, string, string, string]): string =>
      `${step.padEnd(widths[0] ?? 0)}  ${happened.padEnd(widths[1] ?? 0)}  ${secs.padStart(widths[2] ?? 0)}  ${result}`.trimEnd();
    const rule = widths.map((width) => '-'.repeat(width)).join('  ') + '  ------';
    return [line(header), rule, ...body.map(line), rule, line(footer)].join('\n');
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** A terminal platform that also keeps what the step reported, for the demo's checks and table. */
export class RecordingPlatform extends TerminalPlatform {
  readonly outputs = new Map<string, string>();
  failure: string | undefined;

  constructor(
    private readonly step: string,
    inputs: ReadonlyMap<string, string>,
  ) {
    super(inputs, process.stdout, process.stderr);
  }

  override setOutput(name: string, value: string): void {
    this.outputs.set(name, value);
    // Eight steps print outputs of the same names (commit-sha, revision): each line says whose it is.
    super.setOutput(`${this.step}: ${name}`, value);
  }

  override setFailed(message: string): void {
    this.failure = message;
    super.setFailed(message);
  }

  output(name: string): string {
    return this.outputs.get(name) ?? '';
  }
}

/**
 * The command line that runs `step` with `inputs` in a terminal, to paste as it is: every input as
 * its flag (a switch as --x / --no-x), secret inputs as the GITOPS_PROMOTE_<NAME> variable the CLI
 * reads them from, values shell-quoted where a shell would split or expand them.
 */
export function commandLine(step: RegisteredStep, inputs: ReadonlyArray<readonly [string, string]>): string {
  const variables: string[] = [];
  const flags: string[] = [];
  for (const [name, value] of inputs) {
    const input = step.spec.inputs.find((candidate) => candidate.name === name);
    if (input?.secret) variables.push(`${secretVariable(name)}=${shellQuote(value)}`);
    else if (input?.boolean) flags.push(value === 'true' ? `--${name}` : `--no-${name}`);
    else flags.push(`--${name} ${shellQuote(value)}`);
  }
  return [...variables, 'gitops-promote', step.spec.name, ...flags].join(' ');
}

function shellQuote(value: string): string {
  return /^[\w./:@%+,=-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs a step as the CLI would. Its failure is kept on the returned platform and not left in
 * process.exitCode: some of the demo's failures are the point, and the demo's exit code is its own.
 */
export async function runRecorded(step: RegisteredStep, inputs: ReadonlyArray<readonly [string, string]>): Promise<RecordingPlatform> {
  const platform = new RecordingPlatform(step.spec.name, new Map(inputs));
  const exitCode = process.exitCode;
  await runStep(step, platform);
  process.exitCode = exitCode;
  return platform;
}
