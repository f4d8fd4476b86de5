import { parseDuration } from '../../text/duration';
import { InputError } from '../../errors';
import { splitList } from '../../text/list-input';
import { parseBoolean, type StepInputs } from '../inputs';
import { waitArgocdHealthySpec } from './spec';

export type RefreshMode = 'normal' | 'hard' | 'none';

/** Everything wait-argocd-healthy needs, validated before any request is made. */
export interface WaitArgocdConfig {
  /** Argo CD's base URL as given; the client validates it. */
  server: string;
  auth: { token: string } | { username: string; password: string };
  applications: string[];
  selector?: string;
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
  insecure: boolean;
  caCert?: string;
  requestTimeoutMs: number;
}

export type WaitArgocdInputs = StepInputs<typeof waitArgocdHealthySpec>;

// DNS-1123 subdomain: what Kubernetes accepts as an object (Application) name.
const APP_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const REVISION = /^[0-9a-f]{7,64}$/;

export function validateWaitArgocdInputs(inputs: WaitArgocdInputs): WaitArgocdConfig {
  if (inputs.server.trim() === '') {
    throw new InputError("Input 'server' is required.", 'Give the Argo CD base URL, e.g. https://argocd.example.com.');
  }
  // The URL itself (scheme, no credentials or query) and `ca-cert` are checked by the Argo CD
  // client's constructor, before any request.
  const applications = splitList(inputs.application);
  for (const name of applications) {
    if (!APP_NAME.test(name)) {
      throw new InputError(`Input 'application' holds an invalid Application name: ${JSON.stringify(name)}.`, 'Application names are lower-case letters, digits, `-` and `.` (Kubernetes object names).');
    }
  }
  if (applications.length === 0 && inputs.selector === '') {
    throw new InputError("Nothing to wait for: give 'application' or 'selector'.", "Example: application: payments-dev, or selector: team=payments,env=dev.");
  }
  let auth: WaitArgocdConfig['auth'];
  if (inputs.token !== '') {
    auth = { token: inputs.token };
  } else if (inputs.username !== '' && inputs.password !== '') {
    auth = { username: inputs.username, password: inputs.password };
  } else {
    throw new InputError(
      "Argo CD credentials are missing: give 'token', or 'username' and 'password'.",
      'Create a token with `argocd account generate-token` (or a project role token) and pass it from a CI secret.',
    );
  }
  const revision = inputs.revision.trim().toLowerCase();
  if (revision !== '' && !REVISION.test(revision)) {
    throw new InputError(`Input 'revision' is not a commit SHA: ${JSON.stringify(inputs.revision)}.`, "Pass the full commit SHA, e.g. update-manifest's commit-sha output.");
  }
  const refresh = inputs.refresh || 'normal';
  if (refresh !== 'normal' && refresh !== 'hard' && refresh !== 'none') {
    throw new InputError(`Input 'refresh' must be normal, hard or none, got ${JSON.stringify(inputs.refresh)}.`, 'Leave it unset for normal.');
  }
  const caCert = inputs['ca-cert'];
  const config: WaitArgocdConfig = {
    server: inputs.server,
    auth,
    applications,
    timeoutMs: parseDuration(inputs.timeout || '10m', 'timeout'),
    refresh,
    sync: parseBoolean(inputs.sync, 'sync', false),
    degradedGraceMs: parseDuration(inputs['degraded-grace'] || '0s', 'degraded-grace'),
    insecure: parseBoolean(inputs.insecure, 'insecure', false),
    requestTimeoutMs: parseDuration(inputs['request-timeout'] || '30s', 'request-timeout'),
  };
  if (config.sync && revision === '') throw new InputError("Input 'sync: true' needs 'revision'.", 'Give the commit to sync, e.g. update-manifest\'s commit-sha.');
  if (inputs.selector !== '') config.selector = inputs.selector;
  if (inputs['app-namespace'] !== '') config.appNamespace = inputs['app-namespace'];
  if (inputs.project !== '') config.project = inputs.project;
  if (revision !== '') config.revision = revision;
  if (inputs.path !== '') config.path = inputs.path;
  if (caCert !== '') config.caCert = caCert;
  return config;
}
