import { ROLLBACK_REVIEW_INPUTS } from '../review-inputs';
import type { StepSpec } from '../step-spec';

export const rollbackSpec = {
  name: 'rollback',
  title: 'gitops-promote: rollback',
  description:
    'Put an environment back on its last good version, read from the history of its files: only that value changes, a second rollback goes further back, and later promotions of the bad version are refused.',
  inputs: [
    { name: 'path', description: 'Checkout of the environment repository; `files` are relative to it.', default: '.' },
    { name: 'files', required: true, description: 'The environment\'s manifests, relative to `path`: paths or globs, one per line or comma-separated.' },
    { name: 'image', description: 'Image mode: the image to roll back, as the manifests write it, without tag or digest.' },
    { name: 'key', description: 'Key-path mode: the key to roll back, e.g. `image.tag`.' },
    { name: 'to', description: 'The value to return to (a tag, `tag@digest`, or the key\'s value). Default: the newest earlier value in the files\' history that was not itself rolled back from.' },
    { name: 'reason', description: 'Why: recorded in the commit (`Gitops-Promote-Reason`) and shown when a promotion of the rolled-back version is refused.' },
    { name: 'mode', default: 'commit', description: '`commit`: commit and push to `branch`. `pull-request`: open a PR/MR instead (for protected branches), one per environment and target.' },
    { name: 'push', boolean: true, default: 'true', description: 'With `mode: commit`: push the commit, retrying when the remote moved.' },
    { name: 'branch', description: 'The environment branch; it must exist on the remote (a typo is refused, naming the remote\'s branches) unless `create-branch` is true. Default: the checked-out branch. Another branch is committed onto its remote tip without touching the checkout.' },
    { name: 'create-branch', boolean: true, default: 'false', description: 'With `mode: commit`: create `branch` on the remote when it does not exist there. Without it, a missing branch is refused before anything is written.' },
    { name: 'token', secret: true, description: 'Token for HTTPS push and, with `mode: pull-request`, the forge API. Masked; never written to .git/config.' },
    { name: 'commit-message', default: 'revert(deploy): roll back {{target}} from {{from}} to {{to}}', description: 'Commit message template; placeholders `{{target}}` `{{from}}` `{{to}}` `{{reason}}`.' },
    { name: 'author-name', description: 'Commit author name (with `author-email`).' },
    { name: 'author-email', description: 'Commit author email (with `author-name`).' },
    { name: 'push-timeout', default: '5m', description: 'How long to keep retrying when other pushes move the branch.' },
    { name: 'environment', description: 'With `mode: pull-request`: the environment, for the PR branch (`gitops-promote/rollback/<environment>/<target>`), title and labels.' },
    { name: 'forge', description: 'With `mode: pull-request`: `github` or `gitlab`. Default: the CI, else the remote\'s host.' },
    { name: 'platform', description: 'Deprecated: use `forge`.', deprecatedFor: 'forge' },
    { name: 'repository', description: 'With `mode: pull-request`: `owner/name` or `group/sub/project`. Default: from the remote URL.' },
    { name: 'api-url', description: 'With `mode: pull-request`: the forge API base. Default: `GITHUB_API_URL` / `CI_API_V4_URL`, else from the remote host.' },
    { name: 'labels', description: 'With `mode: pull-request`: labels besides `rollback` and the environment.' },
    { name: 'reviewers', description: 'With `mode: pull-request`: reviewers to request.' },
    { name: 'source-repository', description: 'With `mode: pull-request`: the application repository on the same forge (`owner/app` or its URL): the body lists the commits the rollback takes out.' },
    ...ROLLBACK_REVIEW_INPUTS,
    { name: 'dry-run', boolean: true, default: 'false', description: 'Report what would be rolled back (outputs included) without writing, committing or pushing; what the real run would refuse is refused.' },
  ],
  outputs: [
    { name: 'changed', description: '`true` if the files changed (or, with `pull-request`, the PR/MR holds the change); `false` when they already hold `to`.' },
    { name: 'rolled-back-from', description: 'The value the environment ran before.' },
    { name: 'rolled-back-to', description: 'The value it runs now (or will, once the PR/MR is merged).' },
    { name: 'commit-sha', description: 'The rollback commit (on `branch`, or the PR/MR\'s head); empty if none.' },
    { name: 'pull-request-number', description: 'With `mode: pull-request`: the PR number / MR iid.' },
    { name: 'pull-request-url', description: 'With `mode: pull-request`: its web URL.' },
  ],
} as const satisfies StepSpec;
