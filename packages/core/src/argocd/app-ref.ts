import { InputError } from '../errors';

/** An Application as a step names it: `name`, or `namespace/name` for one outside Argo CD's own namespace. */
export interface AppRef {
  name: string;
  namespace?: string;
}

// Kubernetes object names (RFC 1123 subdomain) and namespaces (RFC 1123 label).
const APP_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
export const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Parses one `name` / `namespace/name` entry of the input `input`; refuses anything Kubernetes would not name. */
export function parseAppRef(entry: string, input: string, refusal: (entry: string) => InputError = (given) => invalidApplication(given, input)): AppRef {
  const parts = entry.split('/');
  const name = parts.at(-1) ?? '';
  const namespace = parts.length === 2 ? parts[0] : undefined;
  if (parts.length > 2 || !APP_NAME.test(name) || (namespace !== undefined && !NAMESPACE.test(namespace))) throw refusal(entry);
  return namespace !== undefined ? { name, namespace } : { name };
}

function invalidApplication(entry: string, input: string): InputError {
  return new InputError(
    `Input '${input}' holds an invalid Application name: ${JSON.stringify(entry)}.`,
    'Give `name` or `namespace/name`: Application names are lower-case letters, digits, `-` and `.` (Kubernetes object names), namespaces lower-case letters, digits and `-`.',
  );
}

/** `namespace/name`, or `name` alone when the namespace is Argo CD's default. */
export function appLabel(app: { name: string; namespace?: string | undefined }): string {
  return app.namespace ? `${app.namespace}/${app.name}` : app.name;
}
