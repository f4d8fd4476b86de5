import type { SuspendedPolicy } from '../../argocd';
import { NAMESPACE, parseAppRef } from '../../argocd/app-ref';
import { parseDuration } from '../../text/duration';
import { InputError } from '../../errors';
import { splitList } from '../../text/list-input';
import { InputErrors } from '../input-errors';
import { checkServerInput } from '../argocd-inputs';
import { parseBoolean, type StepInputs } from '../inputs';
import { waitArgocdHealthySpec } from './spec';

export type RefreshMode = 'normal' | 'hard' | 'none';

/** Everything wait-argocd-healthy needs, validated before any request is made. */
export interface WaitArgocdConfig {
  /** Argo CD's base URL as given (already checked: the client checks it again). */
  server: string;
  auth: { token: string } | { username: string; password: string };
  /** `name`, or `namespace/name` for an app in another namespace than `appNamespace`'s (or the server's). */
  applications: string[];
  selector?: string;
  /** `application-set`: its name and, when given, namespace. */
  applicationSet?: { name: string; namespace?: string };
  appNamespace?: string;
  project?: string;
  /** The commit to run; undefined waits like `argocd app wait`. */
  revision?: string;
  /** Checkout of the environment repository, to accept descendants of `revision`. */
  path?: string;
  timeoutMs: number;
  refresh: RefreshMode;
  sync: boolean;
  degradedGraceMs: number;
  /** Also wait for the child Applications of each app (app-of-apps), recursively. */
  children: boolean;
  /** An app Suspended at the revision (a paused Rollout): wait, succeed or fail. */
  suspended: SuspendedPolicy;
  insecure: boolean;
  caCert?: string;
  requestTimeoutMs: number;
}

export type WaitArgocdInputs = StepInputs<typeof waitArgocdHealthySpec>;

const REVISION = /^[0-9a-f]{7,64}$/;

/** Every input checked, and every problem reported together in one InputError. */
export function validateWaitArgocdInputs(inputs: WaitArgocdInputs): WaitArgocdConfig {
  const errors = new InputErrors();
  const auth = errors.attempt(() => credentials(inputs), undefined);
  const secret = auth === undefined ? '' : 'token' in auth ? auth.token : auth.password;
  errors.attempt(() => checkServerInput(inputs.server, secret, 'server'), undefined);
  const applications = errors.attempt(() => applicationList(inputs), []);
  const applicationSet = errors.attempt(() => applicationSetInput(inputs['application-set']), undefined);
  const appNamespace = inputs['app-namespace'];
  if (appNamespace !== '' && !NAMESPACE.test(appNamespace)) {
    errors.add(new InputError(`Input 'app-namespace' is not a namespace name: ${JSON.stringify(appNamespace)}.`, 'Namespaces are lower-case letters, digits and `-`.'));
  }
  const revision = inputs.revision.trim().toLowerCase();
  if (revision !== '' && !REVISION.test(revision)) {
    errors.add(new InputError(`Input 'revision' is not a commit SHA: ${JSON.stringify(inputs.revision)}.`, "Pass the full commit SHA, e.g. update-manifest's commit-sha output."));
  }
  const given = inputs.refresh || 'normal';
  const refresh: RefreshMode = given === 'hard' || given === 'none' ? given : 'normal';
  if (given !== refresh) {
    errors.add(new InputError(`Input 'refresh' must be normal, hard or none, got ${JSON.stringify(inputs.refresh)}.`, 'Leave it unset for normal.'));
  }
  const suspended = suspendedPolicy(inputs.suspended, errors);
  const caCert = inputs['ca-cert'];
  if (caCert !== '' && !caCert.includes('-----BEGIN CERTIFICATE-----')) {
    errors.add(new InputError("Input 'ca-cert' is not PEM text.", 'Give the CA certificate itself, starting with -----BEGIN CERTIFICATE-----.'));
  }
  const timeoutMs = errors.attempt(() => parseDuration(inputs.timeout || '10m', 'timeout'), 0);
  const sync = errors.attempt(() => parseBoolean(inputs.sync, 'sync', false), false);
  const degradedGraceMs = errors.attempt(() => parseDuration(inputs['degraded-grace'] || '0s', 'degraded-grace'), 0);
  const insecure = errors.attempt(() => parseBoolean(inputs.insecure, 'insecure', false), false);
  const children = errors.attempt(() => parseBoolean(inputs.children, 'children', false), false);
  const requestTimeoutMs = errors.attempt(() => parseDuration(inputs['request-timeout'] || '30s', 'request-timeout'), 0);
  if (sync && revision === '') errors.add(new InputError("Input 'sync: true' needs 'revision'.", "Give the commit to sync, e.g. update-manifest's commit-sha."));
  errors.throwIfAny();
  // Set once no error was collected: credentials() cannot throw here.
  const config: WaitArgocdConfig = { server: inputs.server, auth: auth ?? credentials(inputs), applications, timeoutMs, refresh, sync, degradedGraceMs, suspended, children, insecure, requestTimeoutMs };
  if (inputs.selector !== '') config.selector = inputs.selector;
  if (applicationSet) config.applicationSet = applicationSet;
  if (appNamespace !== '') config.appNamespace = appNamespace;
  if (inputs.project !== '') config.project = inputs.project;
  if (revision !== '') config.revision = revision;
  if (inputs.path !== '') config.path = inputs.path;
  if (caCert !== '') config.caCert = caCert;
  return config;
}

function suspendedPolicy(given: string, errors: InputErrors): SuspendedPolicy {
  const value = given.trim() || 'wait';
  if (value === 'wait' || value === 'succeed' || value === 'fail') return value;
  errors.add(
    new InputError(
      `Input 'suspended' must be wait, succeed or fail, got ${JSON.stringify(given)}.`,
      'wait: until the paused Rollout is promoted; succeed: a paused canary step is the goal; fail: a pause is an error.',
    ),
  );
  return 'wait';
}

/** `name` or `namespace/name` of an ApplicationSet; undefined when not given. */
function applicationSetInput(given: string): WaitArgocdConfig['applicationSet'] {
  const entry = given.trim();
  if (entry === '') return undefined;
  return parseAppRef(entry, 'application-set', () => new InputError(`Input 'application-set' is not an ApplicationSet name: ${JSON.stringify(given)}.`, 'Give `name` or `namespace/name` (lower-case letters, digits, `-` and `.`).'));
}

function credentials(inputs: WaitArgocdInputs): WaitArgocdConfig['auth'] {
  if (inputs.token !== '') return { token: inputs.token };
  if (inputs.username !== '' && inputs.password !== '') return { username: inputs.username, password: inputs.password };
  throw new InputError(
    "Argo CD credentials are missing: give 'token', or 'username' and 'password'.",
    'Create a token with `argocd account generate-token` (or a project role token) and pass it from a CI secret.',
  );
}

/** `name` or `namespace/name` entries; at least one, or a selector. */
function applicationList(inputs: WaitArgocdInputs): string[] {
  const applications = splitList(inputs.application);
  for (const entry of applications) parseAppRef(entry, 'application');
  if (applications.length === 0 && inputs.selector === '' && inputs['application-set'].trim() === '') {
    throw new InputError("Nothing to wait for: give 'application', 'selector' or 'application-set'.", 'Example: application: payments-dev, or selector: team=payments,env=dev.');
  }
  return applications;
}
