import { isObject, type Json, type JsonObject } from './resource-shape';

/**
 * Which keys of a Secret change, never what they hold. Argo CD masks Secret values in what its API
 * returns: `managed-resources` masks the target and live objects together (equal values get the
 * same run of `+`, a different value a longer run), `manifests` masks each rendered Secret alone
 * (every key `++++++++`). So a rendered value can be compared only when it arrives unmasked (a
 * plugin or server that does not mask); otherwise only the key set, and whether the live value
 * still equals the current target's (a different mask length), can be told.
 */

export type SecretKeyChangeKind = 'added' | 'removed' | 'changed' | 'may have changed';

export interface SecretKeyChange {
  key: string;
  change: SecretKeyChangeKind;
}

export interface SecretKeyComparison {
  /** Keys whose change is known (or suspected: `may have changed`), by key. */
  changes: SecretKeyChange[];
  /** Keys on both sides whose values cannot be compared because Argo CD masks them, by key. */
  unverified: string[];
}

type SecretValue = { masked: true; mask: string } | { masked: false; base64: string };

const MASK = /^\++$/;

/** The Secret's `data` and `stringData` fields, which hold its values. */
export const SECRET_VALUE_FIELDS = ['data', 'stringData'] as const;

/** Its values by key, `stringData` encoded to base64 as the API server stores it in `data`. */
function secretValues(secret: JsonObject | undefined): Map<string, SecretValue> {
  const values = new Map<string, SecretValue>();
  for (const field of SECRET_VALUE_FIELDS) {
    const map = secret?.[field];
    if (!isObject(map)) continue;
    for (const [key, value] of Object.entries(map)) values.set(key, secretValue(value, field === 'stringData'));
  }
  return values;
}

function secretValue(value: Json, plain: boolean): SecretValue {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (MASK.test(text)) return { masked: true, mask: text };
  return { masked: false, base64: plain ? Buffer.from(text, 'utf8').toString('base64') : text };
}

/**
 * Compares the rendered Secret's keys with the live one's. A live key the new render lacks is
 * removed only when the current target sets it (a key other writers added is not the manifests').
 */
export function compareSecretKeys(rendered: JsonObject | undefined, live: JsonObject | undefined, target: JsonObject | undefined): SecretKeyComparison {
  const next = secretValues(rendered);
  const now = secretValues(live);
  const before = secretValues(target);
  const changes: SecretKeyChange[] = [];
  const unverified: string[] = [];
  const keys = [...new Set([...next.keys(), ...now.keys()])].sort(byCodePoint);
  for (const key of keys) {
    const verdict = compareKey(next.get(key), now.get(key), before.get(key));
    if (verdict === 'unverified') unverified.push(key);
    else if (verdict !== 'same') changes.push({ key, change: verdict });
  }
  return { changes, unverified };
}

function compareKey(next: SecretValue | undefined, now: SecretValue | undefined, before: SecretValue | undefined): SecretKeyChangeKind | 'same' | 'unverified' {
  if (now === undefined) return next === undefined ? 'same' : 'added';
  if (next === undefined) return before !== undefined ? 'removed' : 'same';
  if (!next.masked && !now.masked) return next.base64 === now.base64 ? 'same' : 'changed';
  // The live value no longer equals the current target's: the sync writes it, whatever the new render holds.
  if (now.masked && before?.masked && before.mask !== now.mask) return 'may have changed';
  return 'unverified';
}

/** The keys of a Secret that is added or removed whole. */
export function secretKeys(secret: JsonObject | undefined): string[] {
  return [...secretValues(secret).keys()].sort(byCodePoint);
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
