import { describe, expect, it } from 'vitest';
import { ManifestEditError, ManifestParseError } from '../../packages/core/src/manifest/errors';
import { parseConcretePath, parseKeyPath } from '../../packages/core/src/manifest/key-path';
import { editManifest, type EditRequest, type FileEditResult } from '../../packages/core/src/manifest/manifest-editor';
import { expectSameDataExcept, valueAt, type DataEdit } from '../support/yaml-equivalence';

const SHA_OLD = `sha256:${'a'.repeat(64)}`;
const SHA_NEW = `sha256:${'b'.repeat(64)}`;

/** Joins lines with LF and a final newline, so sources read like the files they stand for. */
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const image = (name: string, tag?: string, digest?: string): EditRequest => ({
  mode: 'image',
  image: { name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) },
});
const key = (path: string, value: string): EditRequest => ({ mode: 'key', path: parseKeyPath(path), value });

type ChangeRow = [document: number, path: string, line: number, previous: string | null, value: string | null];

interface Case {
  name: string;
  source: string;
  request: EditRequest;
  expected: string;
  /** Every change, in order; checked when given. */
  changes?: ChangeRow[];
  /** Other paths whose data changes too (aliases of an edited anchor), as [document, path]. */
  alsoChanged?: [number, string][];
}

const deployment = (image: string, extra: string[] = []): string =>
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: payments',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: ${image}`,
    ...extra,
  );

const cases: Case[] = [
  // ---- image mode: container image strings --------------------------------------------------
  {
    name: 'Deployment container tag bump',
    source: deployment('ghcr.io/acme/payments:1.4.1'),
    request: image('ghcr.io/acme/payments', '1.4.2'),
    expected: deployment('ghcr.io/acme/payments:1.4.2'),
    changes: [[0, 'spec.template.spec.containers[0].image', 10, 'ghcr.io/acme/payments:1.4.1', 'ghcr.io/acme/payments:1.4.2']],
  },
  {
    name: 'untagged reference gets a tag',
    source: deployment('nginx'),
    request: image('nginx', '1.25.3'),
    expected: deployment('nginx:1.25.3'),
    changes: [[0, 'spec.template.spec.containers[0].image', 10, 'nginx', 'nginx:1.25.3']],
  },
  {
    name: 'registry port is not a tag (untagged)',
    source: deployment('localhost:5000/app'),
    request: image('localhost:5000/app', 'v2'),
    expected: deployment('localhost:5000/app:v2'),
  },
  {
    name: 'registry port with a tag',
    source: deployment('10.42.0.1:30000/team/app:v1 # pinned'),
    request: image('10.42.0.1:30000/team/app', 'v2'),
    expected: deployment('10.42.0.1:30000/team/app:v2 # pinned'),
  },
  {
    name: 'exact name match: payments is not payments-worker, payments/sidecar or docker.io/acme/payments',
    source: yaml(
      'spec:',
      '  containers:',
      '    - image: ghcr.io/acme/payments-worker:1.0',
      '    - image: ghcr.io/acme/payments:1.0',
      '    - image: ghcr.io/acme/payments/sidecar:1.0',
      '    - image: docker.io/acme/payments:1.0',
      '    - image: ghcr.io/acme/payment:1.0',
    ),
    request: image('ghcr.io/acme/payments', '2.0'),
    expected: yaml(
      'spec:',
      '  containers:',
      '    - image: ghcr.io/acme/payments-worker:1.0',
      '    - image: ghcr.io/acme/payments:2.0',
      '    - image: ghcr.io/acme/payments/sidecar:1.0',
      '    - image: docker.io/acme/payments:1.0',
      '    - image: ghcr.io/acme/payment:1.0',
    ),
    changes: [[0, 'spec.containers[1].image', 4, 'ghcr.io/acme/payments:1.0', 'ghcr.io/acme/payments:2.0']],
  },
  {
    name: 'containers, initContainers and ephemeralContainers; other images untouched',
    source: yaml(
      'kind: Pod',
      'spec:',
      '  initContainers:',
      '  - name: migrate',
      '    image: "reg/app:1"   # double quoted',
      '  containers:',
      '  - name: app',
      "    image: 'reg/app:1'",
      '  - name: proxy',
      '    image: envoyproxy/envoy:v1.30',
      '  ephemeralContainers:',
      '  - {name: debug, image: reg/app:1}',
    ),
    request: image('reg/app', '1.10'),
    expected: yaml(
      'kind: Pod',
      'spec:',
      '  initContainers:',
      '  - name: migrate',
      '    image: "reg/app:1.10"   # double quoted',
      '  containers:',
      '  - name: app',
      "    image: 'reg/app:1.10'",
      '  - name: proxy',
      '    image: envoyproxy/envoy:v1.30',
      '  ephemeralContainers:',
      '  - {name: debug, image: reg/app:1.10}',
    ),
    changes: [
      [0, 'spec.initContainers[0].image', 5, 'reg/app:1', 'reg/app:1.10'],
      [0, 'spec.containers[0].image', 8, 'reg/app:1', 'reg/app:1.10'],
      [0, 'spec.ephemeralContainers[0].image', 12, 'reg/app:1', 'reg/app:1.10'],
    ],
  },
  {
    name: 'every workload kind in a multi-document file, with --- markers and comments',
    source: yaml(
      '# all workloads',
      '---',
      'kind: StatefulSet',
      'spec: {template: {spec: {containers: [{name: a, image: app:1}]}}}',
      '---',
      'kind: DaemonSet',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:1',
      '--- # replica set',
      'kind: ReplicaSet',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:1',
      '---',
      'kind: Job',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:1',
      '---',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '          - image: app:1',
      '---',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:1',
      '---',
      'kind: Service',
      'spec: {ports: [{port: 80}]}',
    ),
    request: image('app', '2'),
    expected: yaml(
      '# all workloads',
      '---',
      'kind: StatefulSet',
      'spec: {template: {spec: {containers: [{name: a, image: app:2}]}}}',
      '---',
      'kind: DaemonSet',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:2',
      '--- # replica set',
      'kind: ReplicaSet',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:2',
      '---',
      'kind: Job',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:2',
      '---',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '          - image: app:2',
      '---',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - image: app:2',
      '---',
      'kind: Service',
      'spec: {ports: [{port: 80}]}',
    ),
    changes: [
      [0, 'spec.template.spec.containers[0].image', 4, 'app:1', 'app:2'],
      [1, 'spec.template.spec.containers[0].image', 11, 'app:1', 'app:2'],
      [2, 'spec.template.spec.containers[0].image', 18, 'app:1', 'app:2'],
      [3, 'spec.template.spec.containers[0].image', 25, 'app:1', 'app:2'],
      [4, 'spec.jobTemplate.spec.template.spec.containers[0].image', 34, 'app:1', 'app:2'],
      [5, 'spec.template.spec.containers[0].image', 42, 'app:1', 'app:2'],
    ],
  },
  {
    name: 'tag and digest set together on tag@sha256 reference',
    source: deployment(`reg/app:1.0@${SHA_OLD}`),
    request: image('reg/app', '1.1', SHA_NEW),
    expected: deployment(`reg/app:1.1@${SHA_NEW}`),
  },
  {
    name: 'tag alone drops a stale digest from the string',
    source: deployment(`reg/app:1.0@${SHA_OLD}`),
    request: image('reg/app', '1.1'),
    expected: deployment('reg/app:1.1'),
  },
  {
    name: 'digest alone replaces tag and digest',
    source: deployment('"reg/app:1.0"'),
    request: image('reg/app', undefined, SHA_NEW),
    expected: deployment(`"reg/app@${SHA_NEW}"`),
  },
  {
    name: 'anchor and alias: the anchored value is edited once, aliases follow',
    source: yaml(
      'x-image: &img reg/app:1 # shared',
      'spec:',
      '  containers:',
      '  - image: *img',
      '  - image: *img',
    ),
    request: image('reg/app', '2'),
    expected: yaml(
      'x-image: &img reg/app:2 # shared',
      'spec:',
      '  containers:',
      '  - image: *img',
      '  - image: *img',
    ),
    changes: [[0, 'spec.containers[0].image', 1, 'reg/app:1', 'reg/app:2']],
    alsoChanged: [
      [0, 'x-image'],
      [0, 'spec.containers[1].image'],
    ],
  },
  {
    name: 'BOM, CRLF, "..." document end and no final newline survive',
    source: '\ufeff# c\r\nimage: app:1\r\n...\r\n---\r\nimage:   app:1   # c\r\n\r\nother: x',
    request: image('app', '2'),
    expected: '\ufeff# c\r\nimage: app:2\r\n...\r\n---\r\nimage:   app:2   # c\r\n\r\nother: x',
    changes: [
      [0, 'image', 2, 'app:1', 'app:2'],
      [1, 'image', 5, 'app:1', 'app:2'],
    ],
  },
  {
    name: 'BOM before a top-level list (the yaml parser alone rejects this file)',
    source: '\ufeff- name: app\n  image: reg/app:1\n',
    request: image('reg/app', '2'),
    expected: '\ufeff- name: app\n  image: reg/app:2\n',
    changes: [[0, '[0].image', 2, 'reg/app:1', 'reg/app:2']],
  },
  {
    name: 'block scalar image becomes double quoted; its line break and the next lines stay',
    source: yaml('image: >-', '  reg/app:1', '', '# after', 'b: 1'),
    request: image('reg/app', '2'),
    expected: yaml('image: "reg/app:2"', '', '# after', 'b: 1'),
  },

  // ---- image mode: Kustomize images: entries --------------------------------------------------
  {
    name: 'kustomize: by name, newTag kept double quoted',
    source: yaml(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'images:',
      '  - name: ghcr.io/acme/payments',
      '    newTag: "1.4.1" # bumped by CI',
      '  - name: ghcr.io/acme/payments-worker',
      '    newTag: "1.4.1"',
    ),
    request: image('ghcr.io/acme/payments', '1.4.2'),
    expected: yaml(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'images:',
      '  - name: ghcr.io/acme/payments',
      '    newTag: "1.4.2" # bumped by CI',
      '  - name: ghcr.io/acme/payments-worker',
      '    newTag: "1.4.1"',
    ),
    changes: [[0, 'images[0].newTag', 5, '1.4.1', '1.4.2']],
  },
  {
    name: 'kustomize: by newName; a plain newTag that would read as a number is quoted',
    source: yaml('images:', '- name: payments', '  newName: ghcr.io/acme/payments', '  newTag: v1'),
    request: image('ghcr.io/acme/payments', '1.10'),
    expected: yaml('images:', '- name: payments', '  newName: ghcr.io/acme/payments', '  newTag: "1.10"'),
  },
  {
    name: 'kustomize: missing newTag is inserted after the last key, at its indentation',
    source: yaml('images:', '  - name: app', '    newName: reg/app # moved', '    # trailing comment', 'resources:', '  - deploy.yaml'),
    request: image('app', 'v2'),
    expected: yaml(
      'images:',
      '  - name: app',
      '    newName: reg/app # moved',
      '    newTag: v2',
      '    # trailing comment',
      'resources:',
      '  - deploy.yaml',
    ),
    changes: [[0, 'images[0].newTag', 4, null, 'v2']],
  },
  {
    name: 'kustomize: inserted line uses CRLF and keeps a missing final newline missing',
    source: 'images:\r\n- name: app\r\n  newName: reg/app',
    request: image('reg/app', 'true'),
    expected: 'images:\r\n- name: app\r\n  newName: reg/app\r\n  newTag: "true"',
  },
  {
    name: 'kustomize: a stale digest line is removed when only a tag is set',
    source: yaml('images:', '- name: app', '  newTag: 1.0.0', `  digest: ${SHA_OLD} # old`, '- name: other', '  newTag: x'),
    request: image('app', '1.0.1'),
    expected: yaml('images:', '- name: app', '  newTag: 1.0.1', '- name: other', '  newTag: x'),
    changes: [
      [0, 'images[0].newTag', 3, '1.0.0', '1.0.1'],
      [0, 'images[0].digest', 4, SHA_OLD, null],
    ],
  },
  {
    name: 'kustomize: removing the last line of a file without a final newline keeps it without one',
    source: `images:\n- name: app\n  newTag: "1"\n  digest: ${SHA_OLD}`,
    request: image('app', '2'),
    expected: 'images:\n- name: app\n  newTag: "2"',
  },
  {
    name: 'kustomize: newTag appended and a stale last-line digest removed, CRLF, no final newline',
    source: `images:\r\n- name: app\r\n  digest: ${SHA_OLD}`,
    request: image('app', '2'),
    expected: 'images:\r\n- name: app\r\n  newTag: "2"',
  },
  {
    name: 'kustomize: tag and digest both set (digest inserted)',
    source: yaml('images:', '- name: app', '  newTag: "1"'),
    request: image('app', '2', SHA_NEW),
    expected: yaml('images:', '- name: app', '  newTag: "2"', `  digest: ${SHA_NEW}`),
  },
  {
    name: 'kustomize: newTag and digest both inserted, in that order',
    source: yaml('images:', '- name: app', '  newName: reg/app', 'resources: [a.yaml]'),
    request: image('reg/app', '2', SHA_NEW),
    expected: yaml('images:', '- name: app', '  newName: reg/app', '  newTag: "2"', `  digest: ${SHA_NEW}`, 'resources: [a.yaml]'),
    changes: [
      [0, 'images[0].newTag', 4, null, '2'],
      [0, 'images[0].digest', 4, null, SHA_NEW],
    ],
  },
  {
    name: 'kustomize: flow style entries',
    source: yaml('images: [{name: app, newTag: "1"}, {name: db, newTag: "5"}]', 'other: [{name: app}]'),
    request: image('app', '0x1F'),
    expected: yaml('images: [{name: app, newTag: "0x1F"}, {name: db, newTag: "5"}]', 'other: [{name: app}]'),
  },
  {
    name: 'kustomize: flow entry without newTag gets one appended',
    source: yaml('images: [ {name: app, newName: reg/app} ]'),
    request: image('app', 'v3'),
    expected: yaml('images: [ {name: app, newName: reg/app, newTag: v3} ]'),
  },
  {
    name: 'kustomize: one entry reached twice through an alias is edited once',
    source: yaml('base:', '  images: &imgs', '  - name: app', `    digest: ${SHA_OLD}`, 'overlay:', '  images: *imgs'),
    request: image('app', '2', SHA_NEW),
    expected: yaml('base:', '  images: &imgs', '  - name: app', `    digest: ${SHA_NEW}`, '    newTag: "2"', 'overlay:', '  images: *imgs'),
    alsoChanged: [
      [0, 'overlay.images[0].digest'],
      [0, 'overlay.images[0].newTag'],
    ],
  },

  // ---- image mode: Helm values maps and Argo CD kustomize overrides ----------------------------
  {
    name: 'helm values {repository, tag}; unrelated tag fields untouched',
    source: yaml('image:', '  repository: ghcr.io/acme/payments', "  tag: '1.4.1'", '  pullPolicy: IfNotPresent', 'worker:', '  image:', '    repository: ghcr.io/acme/payments-worker', '    tag: 1.4.1'),
    request: image('ghcr.io/acme/payments', '1.4.2'),
    expected: yaml('image:', '  repository: ghcr.io/acme/payments', "  tag: '1.4.2'", '  pullPolicy: IfNotPresent', 'worker:', '  image:', '    repository: ghcr.io/acme/payments-worker', '    tag: 1.4.1'),
    changes: [[0, 'image.tag', 3, '1.4.1', '1.4.2']],
  },
  {
    name: 'helm values {registry, repository, tag, digest}: tag set, stale digest cleared',
    source: yaml('api:', '  image:', '    registry: docker.io', '    repository: bitnami/nginx', '    tag: 1.25.3-debian-12-r0', `    digest: "${SHA_OLD}"`),
    request: image('docker.io/bitnami/nginx', '1.25.4-debian-12-r1'),
    expected: yaml('api:', '  image:', '    registry: docker.io', '    repository: bitnami/nginx', '    tag: 1.25.4-debian-12-r1', '    digest: ""'),
    changes: [
      [0, 'api.image.tag', 5, '1.25.3-debian-12-r0', '1.25.4-debian-12-r1'],
      [0, 'api.image.digest', 6, SHA_OLD, ''],
    ],
  },
  {
    name: 'helm values: empty tag with a trailing comment',
    source: yaml('image:', '  repository: reg/app', '  tag: # defaults to appVersion', '  pullPolicy: Always'),
    request: image('reg/app', '1.10'),
    expected: yaml('image:', '  repository: reg/app', '  tag: "1.10" # defaults to appVersion', '  pullPolicy: Always'),
    changes: [[0, 'image.tag', 3, '', '1.10']],
  },
  {
    name: 'helm values: digest set in a flow map, tag kept when not requested',
    source: yaml('image: {registry: ghcr.io, repository: acme/app, tag: "1", digest: ""}'),
    request: image('ghcr.io/acme/app', undefined, SHA_NEW),
    expected: yaml(`image: {registry: ghcr.io, repository: acme/app, tag: "1", digest: "${SHA_NEW}"}`),
  },
  {
    name: 'Argo CD Application kustomize.images: name:tag and old=new:tag strings',
    source: yaml(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'spec:',
      '  source:',
      '    kustomize:',
      '      images:',
      '      - quay.io/argoprojlabs/argocd-e2e-container:0.2',
      '      - my-app=gcr.io/my-repo/my-app:0.1',
      '      - "gcr.io/my-repo/my-app"',
    ),
    request: image('gcr.io/my-repo/my-app', '0.2'),
    expected: yaml(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'spec:',
      '  source:',
      '    kustomize:',
      '      images:',
      '      - quay.io/argoprojlabs/argocd-e2e-container:0.2',
      '      - my-app=gcr.io/my-repo/my-app:0.2',
      '      - "gcr.io/my-repo/my-app:0.2"',
    ),
    changes: [
      [0, 'spec.source.kustomize.images[1]', 8, 'my-app=gcr.io/my-repo/my-app:0.1', 'my-app=gcr.io/my-repo/my-app:0.2'],
      [0, 'spec.source.kustomize.images[2]', 9, 'gcr.io/my-repo/my-app', 'gcr.io/my-repo/my-app:0.2'],
    ],
  },
  {
    name: 'Argo CD override matched by its original name (left of =)',
    source: yaml('spec:', '  source:', '    kustomize:', '      images: [my-app=gcr.io/my-repo/my-app:0.1]'),
    request: image('my-app', '0.3'),
    expected: yaml('spec:', '  source:', '    kustomize:', '      images: [my-app=gcr.io/my-repo/my-app:0.3]'),
  },

  // ---- key-path mode --------------------------------------------------------------------------
  {
    name: 'key: [name=…] selects Argo CD Helm parameters by name, wherever they sit in the list',
    source: yaml(
      'kind: Application',
      'spec:',
      '  source:',
      '    helm:',
      '      parameters:',
      '        - name: image.repository',
      '          value: ghcr.io/acme/payments',
      '        - name: "image.tag"   # set by CI',
      "          value: '1.4.1'",
      '        - name: replicas',
      '          value: "2"',
    ),
    request: key('spec.source.helm.parameters[name=image.tag].value', '1.4.2'),
    expected: yaml(
      'kind: Application',
      'spec:',
      '  source:',
      '    helm:',
      '      parameters:',
      '        - name: image.repository',
      '          value: ghcr.io/acme/payments',
      '        - name: "image.tag"   # set by CI',
      "          value: '1.4.2'",
      '        - name: replicas',
      '          value: "2"',
    ),
    changes: [[0, 'spec.source.helm.parameters[1].value', 9, '1.4.1', '1.4.2']],
  },
  {
    name: 'key: [name=…] selects a container by name in a flow list',
    source: yaml('spec:', '  containers: [{name: sidecar, image: envoy:1}, {name: api, image: app:1}]'),
    request: key('spec.containers[name=api].image', 'app:2'),
    expected: yaml('spec:', '  containers: [{name: sidecar, image: envoy:1}, {name: api, image: app:2}]'),
    changes: [[0, 'spec.containers[1].image', 2, 'app:1', 'app:2']],
  },
  {
    name: 'key: number field stays plain',
    source: yaml('spec:', '  replicas: 3 # scaled by hand'),
    request: key('spec.replicas', '5'),
    expected: yaml('spec:', '  replicas: 5 # scaled by hand'),
    changes: [[0, 'spec.replicas', 2, '3', '5']],
  },
  {
    name: 'key: string field gets values that would change type quoted',
    source: yaml('a: x', 'b: x', 'c: x', 'd: x', 'e: x', 'f: x', 'g: x', 'h: x'),
    request: key('a', '1.10'),
    expected: yaml('a: "1.10"', 'b: x', 'c: x', 'd: x', 'e: x', 'f: x', 'g: x', 'h: x'),
  },
  ...['true', 'yes', 'on', '0x1F', '1e3', 'null', '~', '1:20', '2024-01-02', '0o17', '.inf', '*', '*a', '&a', '!a', '=', '= ', '- x', 'a: b', 'x #y', ' lead', '<<'].map(
    (value): Case => ({
      name: `key: ${JSON.stringify(value)} in a plain string field is double quoted`,
      source: yaml('spec:', '  source:', '    targetRevision: main'),
      request: key('spec.source.targetRevision', value),
      expected: yaml('spec:', '  source:', `    targetRevision: ${JSON.stringify(value)}`),
    }),
  ),
  {
    name: 'key: an empty (null) field does not count as a number field',
    source: yaml('image:', '  tag:', '  pullPolicy: Always'),
    request: key('image.tag', '1.10'),
    expected: yaml('image:', '  tag: "1.10"', '  pullPolicy: Always'),
    changes: [[0, 'image.tag', 2, '', '1.10']],
  },
  {
    name: 'key: a number field whose new value would not read back as written (1.10 is 1.1) is quoted',
    source: yaml('version: 1.0', 'weight: 0.5'),
    request: key('version', '1.10'),
    expected: yaml('version: "1.10"', 'weight: 0.5'),
  },
  {
    name: 'key: a float field with a float that reads back as written stays plain',
    source: yaml('weight: 0.5'),
    request: key('weight', '0.25'),
    expected: yaml('weight: 0.25'),
  },
  {
    name: 'key: a number field set to a boolean-looking value is quoted (type would change)',
    source: yaml('replicas: 3'),
    request: key('replicas', 'true'),
    expected: yaml('replicas: "true"'),
  },
  {
    name: 'key: single quotes kept, embedded quote doubled',
    source: yaml("annotations: {'example.com/tag': 'v1'}"),
    request: key('annotations["example.com/tag"]', "it's"),
    expected: yaml("annotations: {'example.com/tag': 'it''s'}"),
    changes: [[0, 'annotations["example.com/tag"]', 1, 'v1', "it's"]],
  },
  {
    name: 'key: inside a flow sequence, , [ ] { } force quoting',
    source: yaml('args: [--a, b, c]', 'env: {X: y}'),
    request: key('args[1]', 'p,q'),
    expected: yaml('args: [--a, "p,q", c]', 'env: {X: y}'),
  },
  {
    name: 'key: flow braces force quoting in a flow map too',
    source: yaml('env: {X: y, Z: w}'),
    request: key('env.X', '{a}'),
    expected: yaml('env: {X: "{a}", Z: w}'),
  },
  {
    name: 'key: set in every document where the path exists, nowhere else',
    source: yaml('image:', '  tag: "1"', '---', 'other: 1', '---', 'image: {tag: 1}', '...', '---', 'image:', '  tag: [1]'.replace('[1]', "'1'")),
    request: key('image.tag', '2'),
    expected: yaml('image:', '  tag: "2"', '---', 'other: 1', '---', 'image: {tag: "2"}', '...', '---', 'image:', "  tag: '2'"),
    changes: [
      [0, 'image.tag', 2, '1', '2'],
      [2, 'image.tag', 6, '1', '2'],
      [3, 'image.tag', 10, '1', '2'],
    ],
  },
  {
    name: 'key: list index path',
    source: yaml('spec:', '  sources:', '  - targetRevision: main', '  - targetRevision: v1.0.0'),
    request: key('spec.sources[1].targetRevision', 'v1.1.0'),
    expected: yaml('spec:', '  sources:', '  - targetRevision: main', '  - targetRevision: v1.1.0'),
  },
  {
    // A path through the alias (`app.tag`) is refused (key-path-alias.test.ts); the anchor's own path
    // edits the one place the value is written, and every alias of it reads the new value.
    name: "key: the anchor's own path edits the value its aliases share",
    source: yaml('defaults: &d', '  tag: v1', 'app: *d'),
    request: key('defaults.tag', 'v2'),
    expected: yaml('defaults: &d', '  tag: v2', 'app: *d'),
    changes: [[0, 'defaults.tag', 2, 'v1', 'v2']],
    alsoChanged: [[0, 'app.tag']],
  },
  {
    name: 'key: literal block scalar becomes double quoted, keeps blank lines and missing final newline',
    source: 'a: 1\nnote: |+\n  line one\n  line two\n\n',
    request: key('note', 'single'),
    expected: 'a: 1\nnote: "single"\n\n',
  },
  {
    name: 'key: block scalar at end of file without final newline',
    source: 'a: 1\nnote: |-\n  text',
    request: key('note', 'new'),
    expected: 'a: 1\nnote: "new"',
  },
  {
    name: 'key: multi-line plain scalar is replaced whole',
    source: yaml('description: a long', '  folded value', 'next: 1'),
    request: key('description', 'short'),
    expected: yaml('description: short', 'next: 1'),
  },
  {
    name: 'key: explicit tag and anchor on the value are kept',
    source: yaml('a: !!str &v 1.0 # c', 'b: *v'),
    request: key('a', '1.1'),
    expected: yaml('a: !!str &v 1.1 # c', 'b: *v'),
    alsoChanged: [[0, 'b']],
  },
  {
    name: 'key: empty value in a sequence entry without a space after the dash',
    source: yaml('list:', '-', '- b'),
    request: key('list[0]', 'a'),
    expected: yaml('list:', '- a', '- b'),
  },
  {
    name: 'key: long value is written on one line (no folding at 80 columns)',
    source: yaml('v: x'),
    request: key('v', 'a'.repeat(120)),
    expected: yaml(`v: ${'a'.repeat(120)}`),
  },
  {
    name: 'key: DEL, C1 controls and U+FFFF are escaped (YAML does not allow them raw), other non-ASCII kept',
    source: yaml("v: 'x'"),
    request: key('v', 'a\u007fb\u0085c\u0099d\uffffé\u2028'),
    expected: yaml('v: "a\\u007fb\\u0085c\\u0099d\\uffffé\u2028"'),
  },
  {
    name: 'key: control characters and non-ASCII are escaped in double quotes',
    source: yaml("v: 'x'"),
    request: key('v', 'tab\there ü'),
    expected: yaml('v: "tab\\there ü"'),
  },
];

function check(result: FileEditResult, testCase: Case): void {
  expect(result.output).toBe(testCase.expected);
  if (testCase.changes) {
    expect(result.changes.map((c): ChangeRow => [c.document, c.path, c.line, c.previous, c.value])).toEqual(testCase.changes);
  }
  for (const change of result.changes) expect(change.file).toBe('m.yaml');
  expect(result.matched).toBeGreaterThan(0);
  expect(result.source).toBe(testCase.source);

  // Independently of the exact text: the output re-parses to the input's data except the changes.
  const edits: DataEdit[] = [
    ...result.changes.map((c) => ({ document: c.document, path: parseConcretePath(c.path) })),
    ...(testCase.alsoChanged ?? []).map(([document, path]) => ({ document, path: parseConcretePath(path) })),
  ];
  const { after } = expectSameDataExcept(result.source, result.output, edits, 'failsafe');
  expectSameDataExcept(result.source, result.output, edits, 'core');
  for (const change of result.changes) {
    const actual = valueAt(after[change.document], parseConcretePath(change.path));
    expect(actual).toBe(change.value === null ? undefined : change.value);
  }
}

describe('editManifest', () => {
  it('has at least 30 table cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    const result = editManifest(testCase.source, 'm.yaml', testCase.request);
    check(result, testCase);
    // Idempotent: running the same request on the output changes nothing more.
    const again = editManifest(result.output, 'm.yaml', testCase.request);
    expect(again.output).toBe(result.output);
    expect(again.changes).toEqual([]);
    expect(again.matched).toBeGreaterThan(0);
  });
});

describe('editManifest: key mode writes numbers that render as written (helm 4.1.4, Kustomize 5.6; test/renderers renders them)', () => {
  const deploymentWith = (field: string): string => yaml('apiVersion: apps/v1', 'kind: Deployment', 'spec:', `  ${field}`);
  const rows: [file: string, source: string, path: string, value: string, expected: string][] = [
    // Helm values: Helm reads them into float64 and `{{ }}` prints 1e6 and up, and below 1e-4, in exponent form.
    ['values.yaml', yaml('build: 41'), 'build', '999999', yaml('build: 999999')],
    ['values.yaml', yaml('build: 41'), 'build', '-999999', yaml('build: -999999')],
    ['values.yaml', yaml('build: 41'), 'build', '1000000', yaml('build: "1000000"')],
    ['values.yaml', yaml('build: 41'), 'build', '20240101', yaml('build: "20240101"')],
    ['values.yaml', yaml('build: 41'), 'build', '-1234567', yaml('build: "-1234567"')],
    ['values.yaml', yaml('ratio: 0.5'), 'ratio', '0.0001', yaml('ratio: 0.0001')],
    ['values.yaml', yaml('ratio: 0.5'), 'ratio', '0.00001', yaml('ratio: "0.00001"')],
    ['values.yaml', yaml('ratio: 0.5'), 'ratio', '999999.5', yaml('ratio: 999999.5')],
    ['values.yaml', yaml('ratio: 0.5'), 'ratio', '1234567.5', yaml('ratio: "1234567.5"')],
    ['values.yaml', yaml('ratio: 0.5'), 'ratio', '1.50', yaml('ratio: "1.50"')],
    // Kubernetes objects and Kustomizations: integers are read into int64 fields exactly.
    ['deploy.yaml', deploymentWith('replicas: 1'), 'spec.replicas', '20240101', deploymentWith('replicas: 20240101')],
    ['deploy.yaml', deploymentWith('ratio: 0.5'), 'spec.ratio', '1234567.5', deploymentWith('ratio: "1234567.5"')],
    ['envs/dev/kustomization.yaml', yaml('replicas:', '- name: app', '  count: 2'), 'replicas[0].count', '20240101', yaml('replicas:', '- name: app', '  count: 20240101')],
    ['Kustomization', yaml('replicas: [{name: app, count: 2}]'), 'replicas[0].count', '1000000', yaml('replicas: [{name: app, count: 1000000}]')],
    ['values.yaml', yaml('kustomization:', '  count: 2'), 'kustomization.count', '1000000', yaml('kustomization:', '  count: "1000000"')],
    // Helm values inside a Kubernetes object or a Kustomization are read by Helm all the same.
    ['app.yaml', yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'spec:', '  source:', '    helm:', '      valuesObject: {build: 41}'), 'spec.source.helm.valuesObject.build', '20240101', yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'spec:', '  source:', '    helm:', '      valuesObject: {build: "20240101"}')],
    ['release.yaml', yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'spec:', '  values:', '    build: 41'), 'spec.values.build', '1000000', yaml('apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'spec:', '  values:', '    build: "1000000"')],
    ['kustomization.yaml', yaml('helmCharts:', '- name: app', '  valuesInline: {build: 41}'), 'helmCharts[0].valuesInline.build', '1000000', yaml('helmCharts:', '- name: app', '  valuesInline: {build: "1000000"}')],
    // A tag or a version is a string, whatever the file.
    ['values.yaml', yaml('image:', '  tag: 1.5'), 'image.tag', '1.6', yaml('image:', '  tag: "1.6"')],
    ['values.yaml', yaml('image: {Tag: 1}'), 'image.Tag', '2', yaml('image: {Tag: "2"}')],
    ['values.yaml', yaml('imageTag: 1'), 'imageTag', '2', yaml('imageTag: "2"')],
    ['values.yaml', yaml('IMAGE_TAG: 1'), 'IMAGE_TAG', '2', yaml('IMAGE_TAG: "2"')],
    ['values.yaml', yaml('chart-version: 1'), 'chart-version', '2', yaml('chart-version: "2"')],
    ['values.yaml', yaml('appVersion: 1.5'), 'appVersion', '1.6', yaml('appVersion: "1.6"')],
    ['kustomization.yaml', yaml('images:', '- name: app', '  newTag: 1'), 'images[name=app].newTag', '2', yaml('images:', '- name: app', '  newTag: "2"')],
    ['values.yaml', yaml('tags: [1, 2]'), 'tags[1]', '3', yaml('tags: [1, 3]')],
    ['values.yaml', yaml('hashtag: 1', 'stage: 1'), 'hashtag', '2', yaml('hashtag: 2', 'stage: 1')],
  ];
  it.each(rows)('%s: %j, %s set to %s', (file, source, path, value, expected) => {
    expect(editManifest(source, file, key(path, value)).output).toBe(expected);
  });
});

describe('editManifest: nothing to change', () => {
  it('returns the source itself, no changes, when every match already holds the value', () => {
    const source = yaml('images:', '- name: app', '  newTag: "2"', 'spec:', '  containers:', '  - image: app:2 # already', '...');
    const result = editManifest(source, 'm.yaml', image('app', '2'));
    expect(result.output).toBe(source);
    expect(result.changes).toEqual([]);
    expect(result.matched).toBe(2);
  });

  it('key mode: value already set', () => {
    const source = '\ufeffspec:\r\n  replicas: 5\r\n';
    const result = editManifest(source, 'm.yaml', key('spec.replicas', '5'));
    expect(result.output).toBe(source);
    expect(result.changes).toEqual([]);
    expect(result.matched).toBe(1);
  });

  it('an image that is not referenced matches nothing and reports the names it saw', () => {
    const source = yaml(
      'images:',
      '- name: a',
      '  newName: reg/a',
      'spec:',
      '  containers:',
      '  - image: localhost:5000/b:1',
      'kustomize:',
      '  images: [c=reg/c:1]',
      'image: {registry: ghcr.io, repository: d, tag: x}',
    );
    const result = editManifest(source, 'm.yaml', image('reg/app', '1'));
    expect(result.output).toBe(source);
    expect(result.changes).toEqual([]);
    expect(result.matched).toBe(0);
    expect([...result.imagesSeen()].sort()).toEqual(['a', 'c', 'ghcr.io/d', 'localhost:5000/b', 'reg/a', 'reg/c']);
  });

  it('key mode: a path that exists nowhere (or runs through a scalar) matches nothing', () => {
    const source = yaml('a:', '  b: 1', 'c: x');
    for (const path of ['a.x', 'c.d', 'a[0]', 'z', 'a.b.c']) {
      const result = editManifest(source, 'm.yaml', key(path, 'v'));
      expect(result.output).toBe(source);
      expect(result.matched).toBe(0);
    }
  });

  it('an empty file or a comment-only file matches nothing', () => {
    for (const source of ['', '# only a comment\n', '---\n']) {
      const result = editManifest(source, 'm.yaml', image('app', '1'));
      expect(result.output).toBe(source);
      expect(result.matched).toBe(0);
    }
  });
});

describe('editManifest: errors', () => {
  const parseErrors: [string, string, RegExp][] = [
    // Positions are where the yaml parser detects the problem: an unclosed quote at the end of input.
    ['unclosed double quote', yaml('a: 1', 'b: "open'), /^bad\.yaml:3:1: malformed YAML: Missing closing "quote\.$/],
    ['Helm template', yaml('metadata:', '  name: {{ .Values.name }}', '  labels:', '{{- include "x" . | nindent 4 }}'), /^bad\.yaml:\d+:\d+: malformed YAML: /],
    ['tab indentation', 'a:\n\tb: 1\n', /^bad\.yaml:2:1: malformed YAML: /],
    ['bad indentation of a sibling', yaml('a:', '    b: 1', '  c: 2'), /^bad\.yaml:3:1: malformed YAML: All mapping items must start at the same column\.$/],
    ['error in a later document keeps file-wide line numbers', yaml('a: 1', '---', 'b: 2', '---', 'c: [1, 2'), /^bad\.yaml:6:1: malformed YAML: /],
    ['CRLF line numbers', 'a: 1\r\nb: 2\r\nc: "x\r\n', /^bad\.yaml:4:1: malformed YAML: /],
  ];
  it.each(parseErrors)('%s → ManifestParseError with file:line:col', (_name, source, message) => {
    let caught: unknown;
    try {
      editManifest(source, 'bad.yaml', image('app', '1'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ManifestParseError);
    const error = caught as ManifestParseError;
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.hint).toMatch(/Fix the YAML/);
  });

  it('key mode: a path ending on a map or a list is refused', () => {
    const source = yaml('image:', '  tag: v1', 'args:', '  - a');
    expect(() => editManifest(source, 'm.yaml', key('image', 'v2'))).toThrow(ManifestEditError);
    expect(() => editManifest(source, 'm.yaml', key('image', 'v2'))).toThrow("m.yaml:2: 'image' holds a map, not a single value.");
    expect(() => editManifest(source, 'm.yaml', key('args', 'v2'))).toThrow("m.yaml:4: 'args' holds a list, not a single value.");
  });

  it('kustomize: a stale digest sharing its line with "-" cannot be removed without rewriting the line', () => {
    const source = yaml('images:', `- digest: ${SHA_OLD}`, '  name: app', '  newTag: "1"');
    expect(() => editManifest(source, 'm.yaml', image('app', '2'))).toThrow(ManifestEditError);
    expect(() => editManifest(source, 'm.yaml', image('app', '2'))).toThrow(/^m\.yaml:2: cannot remove 'images\[0\]\.digest'/);
  });
});
