import type { Platform } from '../platform/platform';
import type { StepContext } from './step-context';

/**
 * A step's contract, written once: the CLI's flags and help, the inputs the adapters read, and
 * (through `npm run docs`) the step's action.yml and the README's tables all come from it.
 */
export interface InputSpec {
  name: string;
  description: string;
  /** Shown in action.yml and help; the step itself applies defaults, so all entries agree. */
  default?: string;
  required?: boolean;
  /** true/false inputs: the CLI takes `--name` and `--no-name`. */
  boolean?: boolean;
  /**
   * A credential: the CLI reads it from `secretVariable(name)` so it need not sit on a command
   * line, which every user of the machine can read (`ps`, /proc/<pid>/cmdline) and shells keep
   * in their history.
   */
  secret?: boolean;
  /**
   * An old name kept working: its value is read as the input named here when that one is empty,
   * with a warning saying so (action.yml marks it with a deprecationMessage).
   */
  deprecatedFor?: string;
}

export interface OutputSpec {
  name: string;
  description: string;
}

export interface StepSpec {
  name: string;
  title: string;
  description: string;
  inputs: readonly InputSpec[];
  outputs: readonly OutputSpec[];
}

/** A step as every entry runs it: its contract and the function that runs it on a platform, in a context. */
export interface RegisteredStep {
  spec: StepSpec;
  run(platform: Platform, context: StepContext): Promise<unknown>;
}
