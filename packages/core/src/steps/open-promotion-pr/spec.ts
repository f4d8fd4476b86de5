import { REVIEW_INPUTS } from '../review-inputs';
import type { StepSpec } from '../step-spec';

export const openPromotionPrSpec = {
  name: 'open-promotion-pr',
  title: 'gitops-promote: open promotion PR',
  description:
    'Promote the value one environment runs to the next as one pull request (GitHub) or merge request (GitLab) that later runs keep current: updated, or closed once the base runs it.',
  inputs: [
    { name: 'forge', description: 'Forge of the environment repository: `github` or `gitlab`. Default: the CI running the step, else the host of `repository-url`.' },
    { name: 'platform', description: 'Deprecated: use `forge`.', deprecatedFor: 'forge' },
    { name: 'repository', description: 'Environment repository: `owner/name` (GitHub) or `group/sub/project` (GitLab). Default: the current repository.' },
    { name: 'repository-url', description: 'Clone and push URL, if not the forge\'s HTTPS URL of `repository`: any URL git accepts, a local path included.' },
    { name: 'api-url', description: 'API base: default `GITHUB_API_URL` / `CI_API_V4_URL`, else derived from the repository host (`https://host/api/v3` for GitHub Enterprise, `https://host/api/v4` for GitLab).' },
    {
      name: 'token',
      secret: true,
      description:
        'Token for git and the API. GitHub: contents: write and pull-requests: write (PRs opened with the default `GITHUB_TOKEN` start no workflows; use a GitHub App token). GitLab: `api` scope, Developer role. Masked; never written to .git/config.',
    },
    { name: 'base', description: 'Branch the change request targets. Default: the repository\'s default branch.' },
    { name: 'files', required: true, description: 'The target environment\'s manifests, relative to the repository root: paths or globs, one per line or comma-separated.' },
    { name: 'image', description: 'Image mode: the image name exactly as the manifests write it, without tag or digest.' },
    { name: 'key', description: 'Key-path mode: the path of the value to promote, e.g. `image.tag` (syntax as in update-manifest).' },
    {
      name: 'images',
      description:
        'Environment mode: `all` (every image the source files reference) or image names, one per line or comma-separated. Every one whose value differs between `source-files` and `files` goes into one commit and one change request; images the target already runs are skipped and listed. Needs `source-files`; not with `image`.',
    },
    { name: 'exclude-images', description: 'Environment mode: image names or globs left out of `images`, one per line or comma-separated (`*` within one path part, `**` across), e.g. `ghcr.io/acme/*-migrations`.' },
    { name: 'keys', description: 'Environment mode: key paths to promote together (one per line), each read from `source-files`; with `images` or alone. Not with `key`.' },
    { name: 'source-files', description: 'The previous environment\'s manifests (same syntax as `files`), read on the tip of `base`: the value they run is the one promoted.' },
    { name: 'tag', description: 'Image mode: the tag to promote, instead of reading it from `source-files` (`1.4.2`, or `1.4.2@sha256:…`).' },
    { name: 'digest', description: 'Image mode: the digest to promote, instead of reading it from `source-files`.' },
    { name: 'value', description: 'Key-path mode: the value to promote, instead of reading it from `source-files`.' },
    { name: 'environment', required: true, description: 'The environment promoted to, e.g. `prod`: in the branch, title and labels.' },
    { name: 'source-environment', description: 'The environment promoted from, e.g. `staging`, as the body names it. Default: the source files\' folder.' },
    {
      name: 'branch',
      description:
        'Branch of the change request, never `base` itself. Default: `gitops-promote/<environment>/<image-or-key>`, or `gitops-promote/<environment>/environment` for `images`/`keys`: stable, so later runs (with another set too) update the same one.',
    },
    {
      name: 'title',
      default: 'Promote {{target}} {{value}} to {{environment}}',
      description: 'Title template; placeholders `{{target}}` `{{image}}` `{{key}}` `{{value}}` `{{previous}}` `{{environment}}` `{{base}}`. For `images`/`keys`, `{{target}}` reads e.g. `3 images` and `{{value}}` a short list (`api 1.4.2, web 2.0.1 (+1 more)`).',
    },
    { name: 'body', description: 'Body template (Markdown); the title\'s placeholders plus `{{table}}` `{{source}}` `{{compare}}` `{{default}}` (the body this step writes by default).' },
    { name: 'labels', description: 'Labels to add besides `promotion` and the environment, comma-separated or one per line.' },
    { name: 'assignees', description: 'Assignees (logins / usernames), comma-separated.' },
    { name: 'reviewers', description: 'Reviewers to request (logins / usernames), comma-separated.' },
    { name: 'team-reviewers', description: 'GitHub only: team slugs to request review from.' },
    { name: 'draft', boolean: true, default: 'false', description: 'Open the change request as a draft.' },
    { name: 'auto-merge', boolean: true, default: 'false', description: 'Enable auto-merge once checks pass (GitHub: repository setting "Allow auto-merge"; GitLab: pinned to the head commit, needs a pipeline).' },
    { name: 'merge-method', default: 'merge', description: 'With `auto-merge`: `merge`, `squash` or `rebase` (GitHub only).' },
    { name: 'sign-commits', boolean: true, default: 'false', description: 'Commit through the forge\'s API so the commit is signed (GitHub shows it Verified), for branch protection that requires signed commits.' },
    { name: 'source-repository', description: 'The application repository on the same forge (`owner/app`, `group/app` or its URL): the body lists the commits between the previous and the promoted value (a git tag of that name, or the commit SHA inside it: `sha-1a2b3c4`, `1.4.2-1a2b3c4`) and links the full comparison.' },
    ...REVIEW_INPUTS,
    { name: 'author-name', description: 'Commit author name (with `author-email`). Default: github-actions[bot] on GitHub, GITLAB_USER_NAME on GitLab, git config elsewhere.' },
    { name: 'author-email', description: 'Commit author email (with `author-name`).' },
    { name: 'push-timeout', default: '5m', description: 'How long to keep retrying when another run moves the branch at the same time.' },
    { name: 'allow-rolled-back', boolean: true, default: 'false', description: 'Promote the value even though a rollback holds it (see rollback); the PR\'s commit removes its entry from `.gitops-promote/holds`. Without it such a value is refused, dry runs included.' },
    {
      name: 'on-held',
      description:
        'Environment mode: what to do with a value a rollback holds back: `skip` (default: left out, named in the log and the body) or `fail` (refuse the whole promotion). The single-value mode always refuses; `allow-rolled-back` overrides both.',
    },
    { name: 'dry-run', boolean: true, default: 'false', description: 'Work out and report what would happen (outputs included) without pushing or writing through the API; the title and body it would write are printed.' },
  ],
  outputs: [
    {
      name: 'operation',
      description:
        '`created`, `updated`, `unchanged`, `closed` (the base already runs the value, so the open change request was closed) or `superseded` (another run replaced the branch with another value meanwhile; the outputs describe that value and head, and nothing was written).',
    },
    { name: 'pull-request-number', description: 'Number of the pull request (GitHub) or iid of the merge request (GitLab); empty when there is none.' },
    { name: 'pull-request-url', description: 'Web URL of the change request; empty when there is none.' },
    { name: 'branch', description: 'The change request\'s branch.' },
    { name: 'head-sha', description: 'Commit at the head of the branch (empty when the base already runs the value).' },
    { name: 'previous-value', description: 'The value the target environment ran before (comma-separated when its files disagreed); empty for `images`/`keys` (see `changes`).' },
    { name: 'value', description: 'The value promoted (when `superseded`: the value the branch holds); empty for `images`/`keys` (see `changes`).' },
    {
      name: 'changes',
      description:
        'Every value of the promotion as JSON: `[{"image": "…", "previous": ["…"], "value": "…"}, …]` (`key` instead of `image` for a key path); a value left out has `"skipped": "running"` (the target already runs it) or `"held"` (a rollback holds it back). One entry in the single-value mode.',
    },
    { name: 'source-healthy-since', description: 'With `source-application`: when the source environment\'s apps started running the promoted value, Synced and Healthy (RFC 3339, from Argo CD\'s sync history; the latest of several apps); empty when they do not.' },
    { name: 'commits-verified', description: 'With `sign-commits`: `true` if the forge reports the commit as verified, else `false`; empty without.' },
  ],
} as const satisfies StepSpec;
