/**
 * Kubernetes label selectors (`labels.Parse`): comma-separated requirements, each `k`, `!k`,
 * `k=v`, `k==v`, `k!=v`, `k in (a,b)` or `k notin (a,b)`. All requirements must hold.
 */
export type LabelSelector = (labels: Readonly<Record<string, string>> | undefined) => boolean;

type Requirement = (labels: Readonly<Record<string, string>>) => boolean;

const KEY = String.raw`[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);

export class SelectorError extends Error {}

export function parseLabelSelector(text: string): LabelSelector {
  const requirements = splitRequirements(text).map(parseRequirement);
  return (labels) => requirements.every((matches) => matches(labels ?? {}));
}

/** Splits on commas outside parentheses, since `in (a,b)` lists contain commas of their own. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  const trimmed = parts.map((part) => part.trim());
  if (trimmed.length === 1 && trimmed[0] === '') return [];
  return trimmed;
}

function parseRequirement(text: string): Requirement {
  const exists = EXISTS.exec(text);
  if (exists) {
    const negate = exists[1] === '!';
    const key = exists[2] ?? '';
    return (labels) => Object.hasOwn(labels, key) !== negate;
  }
  const equality = EQUALITY.exec(text);
  if (equality) {
    const key = equality[1] ?? '';
    const operator = equality[3];
    const value = equality[4] ?? '';
    if (operator === '!=') return (labels) => labels[key] !== value;
    return (labels) => labels[key] === value;
  }
  const set = SET.exec(text);
  if (set) {
    const key = set[1] ?? '';
    const values = new Set((set[4] ?? '').split(',').map((value) => value.trim()));
    const has = (labels: Readonly<Record<string, string>>): boolean => {
      const value = labels[key];
      return value !== undefined && values.has(value);
    };
    // `notin`, like `!=`, also matches objects that lack the key.
    return set[3] === 'notin' ? (labels) => !has(labels) : has;
  }
  throw new SelectorError(`unable to parse requirement: ${JSON.stringify(text)}`);
}
