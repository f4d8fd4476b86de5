import { parseAppRef } from '../argocd/app-ref';
import { serverUrl } from '../argocd/server-url';
import { InputError } from '../errors';
import { secretVariable } from '../platform/secret-variable';
import type { REVIEW_INPUTS } from './review-inputs';
import type { ArgoCdReviewConfig } from '../promotion/review/review';
import { redactorFor } from '../argocd/secrets';
import { splitList } from '../text/list-input';
import { parseBoolean } from './inputs';
import { singleLine } from './shared-inputs';

type ReviewInputName = Exclude<(typeof REVIEW_INPUTS)[number]['name'], 'source-application'>;


/** Validates the review inputs (all of them or none); the token falls back to its own variable in `env`. */
export function argoCdReviewConfig(inputs: Readonly<Record<ReviewInputName, string>> & { 'source-application'?: string }, env: NodeJS.ProcessEnv): ArgoCdReviewConfig | undefined {
  const server = singleLine(inputs['argocd-server'], 'argocd-server').trim();
  const targets = splitList(inputs['argocd-application']).map((entry) => parseAppRef(entry, 'argocd-application'));
  const sources = splitList(inputs['source-application'] ?? '').map((entry) => parseAppRef(entry, 'source-application'));
  if (server === '') {
    if (targets.length + sources.length > 0) {
      throw new InputError("Inputs 'argocd-application' and 'source-application' need 'argocd-server'.", 'Give argocd-server: https://argocd.example.com (the Argo CD the applications live in).');
    }
    return undefined;
  }
  if (targets.length + sources.length === 0) {
    throw new InputError("Input 'argocd-server' is given but no application is.", "Name the target environment's Application in 'argocd-application' and/or the source environment's in 'source-application'.");
  }
  const variable = secretVariable('argocd-token');
  const token = singleLine(inputs['argocd-token'], 'argocd-token').trim() || (env[variable] ?? '').trim();
  if (token === '') {
    throw new InputError(
      `No Argo CD token: 'argocd-server' is given but neither 'argocd-token' nor the variable ${variable} is.`,
      `Create a read-only token (\`argocd account generate-token\`, or a project role with applications, get) and put it in a masked variable ${variable}; it is a different system from the forge, so not GITOPS_PROMOTE_TOKEN.`,
    );
  }
  checkServerInput(server, token, 'argocd-server');
  const caCert = inputs['argocd-ca-cert'].trim();
  return { server, token, insecure: parseBoolean(inputs['argocd-insecure'], 'argocd-insecure'), targets, sources, ...(caCert ? { caCert } : {}) };
}

/**
 * An Argo CD server input's shape (scheme, no credentials or query, not a web UI page), as the
 * client checks it, named as the input it is; `secret` is kept out of the message.
 */
export function checkServerInput(server: string, secret: string, input: string): void {
  if (server.trim() === '') throw new InputError(`Input '${input}' is required.`, 'Give the Argo CD base URL, e.g. https://argocd.example.com.');
  const redactor = redactorFor(secret);
  try {
    serverUrl(server, (text) => redactor.redact(text));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`Input '${input}': ${error.message}`, error.hint);
    throw error;
  }
}
