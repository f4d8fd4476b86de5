import type { StepSpec } from '../step-spec';

export const updateManifestSpec = {
  name: 'update-manifest',
  title: 'gitops-promote: update manifest',
  description:
    'Set an image tag/digest or any key in GitOps manifests, changing only those bytes; commit and push, surviving push races.',
  inputs: [
    { name: 'path', description: 'Checkout of the environment repository; `files` are relative to it.', default: '.' },
    {
      name: 'files',
      required: true,
      description: 'Manifests to edit, relative to `path`: paths or globs, one per line or comma-separated (e.g. `envs/dev/kustomization.yaml`, `envs/dev/**/*.yaml`).',
    },
    { name: 'image', description: 'Image mode: the image name exactly as the manifests write it, without tag or digest (e.g. `ghcr.io/acme/payments`).' },
    { name: 'tag', description: 'Image mode: the new tag (`1.4.2`; `1.4.2@sha256:…` sets the digest too). Setting a tag alone drops a stale digest.' },
    { name: 'digest', description: 'Image mode: the new digest: `sha256:` + 64 or `sha512:` + 128 lower-case hex digits.' },
    {
      name: 'key',
      description:
        'Key-path mode: the path of the value to set, e.g. `image.tag`, `spec.source.targetRevision`, `a.b[0].c`, `annotations["x.io/y"]`, `spec.source.helm.parameters[name=image.tag].value`.',
    },
    {
      name: 'images',
      description:
        'Several images in one commit, one per line: `name=tag`, `name@sha256:…` or `name=tag@sha256:…` (e.g. `ghcr.io/acme/api=1.4.2`). Every entry must match somewhere in `files`, each image at most once; not with `image`/`tag`/`digest`/`key`/`value`, but with `values`.',
    },
    {
      name: 'values',
      description:
        'Several key paths in one commit, one `key=value` per line (the key as in `key`; an `=` inside brackets or quotes belongs to it: `spec.source.helm.parameters[name=image.tag].value=1.4.2`). Every key must exist in `files`; with `images` they make one commit.',
    },
    { name: 'value', description: 'Key-path mode: the new value. It stays unquoted as a number or boolean only where the old value was one too and Helm or Kustomize renders it as written: in Helm values an integer of at most 6 digits or a decimal from 0.0001 to below 1000000 (Helm prints 20240101 as 2.0240101e+07), in Kubernetes objects and Kustomizations any integer. A tag or version key (`tag`, `newTag`, `appVersion`) always gets a string.' },
    { name: 'commit', boolean: true, default: 'true', description: 'Commit the edited files. With `false`, files are written and left uncommitted.' },
    { name: 'push', boolean: true, default: 'true', description: 'Push the commit to `branch`, retrying (fetch, reset, re-apply, commit) when the remote moved.' },
    { name: 'branch', description: 'Branch to push to; it must exist on the remote (a typo is refused, naming the remote\'s branches) unless `create-branch` is true. Default: the checked-out branch. Another branch is committed onto its remote tip without touching the checkout.' },
    { name: 'create-branch', boolean: true, default: 'false', description: 'Create `branch` on the remote when it does not exist there. Without it, pushing to a missing branch is refused before anything is written.' },
    {
      name: 'push-timeout',
      default: '5m',
      description:
        'How long to keep retrying when other pushes move the branch (`90s`, `10m`): each lost race waits a jittered backoff, re-applies the edit on the new tip and pushes again, until this budget is spent.',
    },
    {
      name: 'commit-message',
      default: 'chore(deploy): set {{subject}}',
      description:
        'Commit message template; placeholders `{{image}}` `{{tag}}` `{{digest}}` `{{key}}` `{{value}}` `{{subject}}`. With `images`/`values`, `{{subject}}` names up to 3 values (`a to 1.2, b to 3.4`) or counts them (`12 images and 2 keys`), the others are empty; the trailers name every value.',
    },
    { name: 'author-name', description: 'Commit author name (with `author-email`). Default: github-actions[bot] on GitHub, GITLAB_USER_NAME on GitLab, git config elsewhere.' },
    { name: 'author-email', description: 'Commit author email (with `author-name`).' },
    { name: 'token', secret: true, description: 'Token for HTTPS push (GitHub: contents: write; GitLab: write_repository). Masked; passed to git per command, never written to .git/config.' },
    {
      name: 'sign-commits',
      boolean: true,
      default: 'false',
      description: 'GitHub: make the commit through the API (fast-forward only, same race retries) so GitHub signs it and shows it Verified; needs `token` and an HTTPS remote on GitHub. The checkout is moved to it.',
    },
    { name: 'api-url', description: 'With `sign-commits`: the GitHub API base. Default: `GITHUB_API_URL` when the remote is on `GITHUB_SERVER_URL`, else https://api.github.com or `https://<host>/api/v3`.' },
    {
      name: 'allow-rolled-back',
      boolean: true,
      default: 'false',
      description: 'Set the value even though a rollback holds it (an entry in `.gitops-promote/holds` on the branch, or a `Gitops-Promote-Rolled-Back-From` trailer in its last 200 commits); the entry is removed in the same commit. Without it such a value is refused, dry runs included.',
    },
    { name: 'dry-run', boolean: true, default: 'false', description: 'Report what would change (outputs included) without writing, committing or pushing; what the real run would refuse (the hold included) is refused.' },
  ],
  outputs: [
    { name: 'changed', description: '`true` if any file needed a change, else `false`. With `push: true`, decided against the remote branch: `false` means the remote holds the values.' },
    { name: 'changed-files', description: 'JSON array of changed files, relative to `path`.' },
    {
      name: 'previous-values',
      description: 'JSON array of every change: `{file, document, path, line, previous, value}` (`previous` null = key added, `value` null = key removed).',
    },
    {
      name: 'changes',
      description:
        'JSON array of every change, naming its value: `{file, document, line, path, image, previous, value}` (or `key` instead of `image`), in file order; `previous` null = key added, `value` null = key removed. With `images`/`values`, a row per value per place.',
    },
    { name: 'commit-sha', description: 'SHA of the commit that holds the values on the remote branch: the one pushed, or the remote tip when it already held them (with `push: false`, the local commit); empty if none.' },
    { name: 'pushed', description: '`true` if the commit was pushed.' },
    { name: 'commits-verified', description: 'With `sign-commits`: `true` if GitHub reports the commit as verified; empty otherwise.' },
  ],
} as const satisfies StepSpec;
