import type { StepSpec } from '../step-spec';

export const waitArgocdHealthySpec = {
  name: 'wait-argocd-healthy',
  title: 'gitops-promote: wait for Argo CD',
  description:
    'Ask Argo CD to refresh, then watch Applications until they are Synced to the pushed commit and Healthy; fail fast, saying why, when they are not.',
  inputs: [
    { name: 'server', required: true, description: 'Argo CD base URL, `https://argocd.example.com` (or `http://` for a lab); not a web UI page (`…/applications/…`).' },
    { name: 'token', secret: true, description: 'Argo CD API token (an account or project token with `applications, get` and, for `sync: true`, `sync`). Masked. Or give `username` + `password`.' },
    { name: 'username', description: 'Argo CD local user, with `password`, to get a session token when no `token` is given.' },
    { name: 'password', secret: true, description: 'Password for `username`. Masked.' },
    { name: 'application', description: 'Application(s) as `name` or `namespace/name`, one per line or comma-separated. With `selector` or alone.' },
    {
      name: 'application-set',
      description:
        'ApplicationSet (`name` or `namespace/name`): every Application it generated is waited for (from its `status.resources`, or the apps it owns), each by name and namespace. An empty set is an error.',
    },
    { name: 'selector', description: 'Label selector (`team=payments,env=dev`): every Application it matches is waited for.' },
    { name: 'app-namespace', description: 'Namespace of the Applications given by name only, when Argo CD manages apps in several namespaces.' },
    { name: 'project', description: 'Argo CD project of the Applications (a missing app is then reported as not found rather than not permitted).' },
    {
      name: 'revision',
      description:
        'The commit the Applications must run, usually update-manifest\'s `commit-sha`. Empty: wait like `argocd app wait` (synced, healthy, no operation), without checking the revision.',
    },
    { name: 'path', description: 'Checkout of the environment repository: lets a commit pushed after `revision` (a descendant of it) count as running it, while the files `revision` changed keep its values.' },
    { name: 'timeout', default: '10m', description: 'How long to wait in all (`90s`, `10m`); then fail, printing what each app still waited for.' },
    { name: 'refresh', default: 'normal', description: 'Ask Argo CD to re-read git first: `normal`, `hard` (also regenerate manifests), or `none`.' },
    { name: 'sync', boolean: true, default: 'false', description: 'Request a sync of `revision` for Applications without auto-sync (e.g. production).' },
    { name: 'degraded-grace', default: '0s', description: 'How long an Application may be Degraded at the new revision before the step fails (`0s`: at once).' },
    {
      name: 'suspended',
      default: 'wait',
      description:
        'An app Suspended at `revision` (an Argo Rollout paused at a canary or blue-green step): `wait` for the promotion (progress names the Rollout, its step and whether it waits for a manual promotion or a pause duration), `succeed`, or `fail`. An aborted Rollout or a failed AnalysisRun always fails at once.',
    },
    {
      name: 'children',
      boolean: true,
      default: 'false',
      description:
        'App-of-apps: also wait for every child Application its resource tree lists (recursively, 3 levels deep), each at `revision` when it reads the same repository, else Synced and Healthy. A parent with no children answers at once.',
    },
    { name: 'insecure', boolean: true, default: 'false', description: 'Skip TLS certificate verification (a lab only; prefer `ca-cert`).' },
    { name: 'ca-cert', description: "PEM certificate(s) of the CA that signed Argo CD's certificate, for a private CA." },
    { name: 'request-timeout', default: '30s', description: 'Timeout of each API request (a refresh included), retried within `timeout`.' },
  ],
  outputs: [
    { name: 'health', description: 'Health of the Applications at `revision`: the worst of them (`Healthy` when all are; `Unknown` for an app that has not applied it yet).' },
    { name: 'sync', description: 'Sync status of the Applications: `Synced` when all are, else the first that is not.' },
    { name: 'revision', description: 'The revision the Applications run (of the first, when they differ).' },
    {
      name: 'result',
      description:
        'JSON object by Application (`name`, or `namespace/name` as given or when two share a name), in the order of `application` then by name: `{namespace, health, sync, revision, revisionUrl, operationPhase, degraded: [{kind, namespace, name, message}], waitedSeconds, healthyAfterMs, outcome, reason}`. `healthyAfterMs`: ms from the step\'s start until the app first ran the revision Synced and Healthy (`null` if it never did); `revisionUrl`: the commit\'s page on GitHub or GitLab, else empty.',
    },
  ],
} as const satisfies StepSpec;
