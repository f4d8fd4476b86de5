/**
 * Generated GitOps manifests for the scale benchmarks: multi-document files of Deployments, as a
 * rendered Helm chart or a Kustomize build writes them (comments, flow maps, quoted values).
 * Every Deployment runs its own image plus one shared sidecar image.
 */

/** The image only document `index` holds. Zero-padded, so no name is a prefix of another. */
export function ownImage(index: number): string {
  return `registry.example.com/team/app-${String(index).padStart(6, '0')}`;
}

/** The sidecar image every document holds. */
export const SHARED_IMAGE = 'registry.example.com/platform/mesh-proxy';

export function deployment(index: number): string {
  const name = `app-${String(index).padStart(6, '0')}`;
  return `---
# Source: platform/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app.kubernetes.io/name: ${name}, app.kubernetes.io/part-of: "shop"}
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: main
          image: ${ownImage(index)}:1.${index % 50}.0
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: "info"
          resources:
            limits: {cpu: 500m, memory: 256Mi}
        - name: proxy
          image: "${SHARED_IMAGE}:2.3.4"
          args: ["--port", "15001"]
`;
}

/** Deployments, one after another, until the text reaches `bytes`. */
export function deploymentStream(bytes: number): { text: string; documents: number } {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const doc = deployment(parts.length);
    parts.push(doc);
    length += doc.length;
  }
  return { text: parts.join(''), documents: parts.length };
}
