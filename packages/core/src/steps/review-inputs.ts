import { secretVariable } from '../platform/secret-variable';

// Imported by the step specs, which every entry loads at start-up: nothing heavier than the list.
/**
 * The inputs that let a change request show what it promotes (what Argo CD will change, the
 * evidence from the source environment): shared by the steps that open one.
 */
export const REVIEW_INPUTS = [
  { name: 'argocd-server', description: 'Argo CD base URL (`https://argocd.example.com`): with it the body shows what Argo CD will change in `argocd-application` and the evidence from `source-application`.' },
  { name: 'argocd-application', description: 'The target environment\'s Application(s), `name` or `namespace/name`, comma-separated: the body shows the diff of what Argo CD renders for the change\'s head against what each runs now.' },
  { name: 'source-application', description: 'The source environment\'s Application(s): the body says whether they run the promoted value, Synced and Healthy, and since when.' },
  {
    name: 'argocd-token',
    secret: true,
    description: `Argo CD API token with \`applications, get\` on those apps; default: the variable \`${secretVariable('argocd-token')}\` (its own masked variable, never the forge token). Masked.`,
  },
  { name: 'argocd-ca-cert', description: 'PEM certificate(s) of the CA that signed Argo CD\'s certificate, for a private CA.' },
  { name: 'argocd-insecure', boolean: true, default: 'false', description: 'Skip TLS verification towards Argo CD (a lab only; prefer `argocd-ca-cert`).' },
] as const;

/** A rollback has no source environment: its change request shows the Argo CD diff and what the revert removes. */
export const ROLLBACK_REVIEW_INPUTS = REVIEW_INPUTS.filter((input) => input.name !== 'source-application');

