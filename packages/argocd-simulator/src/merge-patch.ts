/**
 * RFC 7386 JSON merge patch: objects merge key by key, `null` deletes, anything else replaces.
 * The same semantics as `kubectl patch --type merge`, so a scripted timeline reads like one.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type MergePatch = { [key: string]: JsonValue | undefined };

export function applyMergePatch(target: Record<string, unknown>, patch: MergePatch): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      delete target[key];
    } else if (isPlainObject(value)) {
      const existing = target[key];
      const next: Record<string, unknown> = isPlainObject(existing) ? existing : {};
      applyMergePatch(next, value);
      target[key] = next;
    } else {
      target[key] = structuredClone(value);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
