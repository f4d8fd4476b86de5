import { GitopsPromoteError, InputError } from '../errors';
import type { EditRequest } from '../manifest/edit-request';
import { isValidDigest, isValidImageName, isValidTag, quoteForMessage } from '../manifest/image-reference';
import { formatKeyPath, parseKeyPath } from '../manifest/key-path';

/**
 * The `images:` and `values:` list inputs: several values set in one run, one entry per line.
 * Blank lines are skipped; every entry is validated here, before any file or ref is touched.
 */

/** The lines of a list input that hold an entry, with their 1-based line numbers for errors. */
function entries(input: string): Array<{ line: number; text: string }> {
  return input
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, text: text.trim() }))
    .filter((entry) => entry.text !== '');
}

/** An entry goes into one line of a commit message and a trailer: a lone CR or NUL is refused. */
function oneLine(entry: { line: number; text: string }, inputName: string): { line: number; text: string } {
  if (/[\r\u0000]/.test(entry.text)) throw new InputError(`Input '${inputName}' line ${entry.line} holds a carriage return or NUL.`, 'Give one entry per line, without control characters.');
  return entry;
}

const IMAGE_FORMS = "Write one image per line as name=tag, name@sha256:<digest> or name=tag@sha256:<digest>, e.g. 'ghcr.io/acme/api=1.4.2'.";

/**
 * `images:`: `name=tag`, `name@sha256:…` or `name=tag@sha256:…` per line. An image listed twice is
 * refused (which of its two values was meant?).
 */
export function parseImageList(input: string, inputName = 'images'): EditRequest[] {
  const requests: EditRequest[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of entries(input).map((entry) => oneLine(entry, inputName))) {
    const where = `Input '${inputName}' line ${line}`;
    const eq = text.indexOf('=');
    const at = text.indexOf('@');
    const nameEnd = eq >= 0 ? eq : at;
    if (nameEnd < 0) throw new InputError(`${where} gives no tag or digest: ${quoteForMessage(text)}.`, IMAGE_FORMS);
    const name = text.slice(0, nameEnd).trim();
    const version = eq >= 0 ? text.slice(eq + 1).trim() : text.slice(at);
    const vAt = version.indexOf('@');
    const tag = vAt >= 0 ? version.slice(0, vAt) : version;
    const digest = vAt >= 0 ? version.slice(vAt + 1) : '';
    if (!isValidImageName(name)) throw new InputError(`${where}: ${quoteForMessage(name)} is not a valid image name.`, `Give the repository part exactly as the manifests write it (no tag, no digest, lower case). ${IMAGE_FORMS}`);
    if (tag !== '' && !isValidTag(tag)) throw new InputError(`${where}: ${quoteForMessage(tag)} is not a valid OCI tag.`, 'A tag is 1-128 characters of letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.');
    if (vAt >= 0 && !isValidDigest(digest)) throw new InputError(`${where}: ${quoteForMessage(digest)} is not a valid OCI digest.`, "Give 'sha256:' followed by 64 lower-case hex digits, or 'sha512:' followed by 128.");
    if (tag === '' && digest === '') throw new InputError(`${where} gives no tag or digest: ${quoteForMessage(text)}.`, IMAGE_FORMS);
    const first = seen.get(name);
    if (first !== undefined) throw new InputError(`${where} lists ${name} again (first on line ${first}).`, 'List each image once, with the one value it should get.');
    seen.set(name, line);
    requests.push({ mode: 'image', image: { name, ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) } });
  }
  return requests;
}

/**
 * `values:`: `key=value` per line. The key path may hold `=` itself, inside brackets
 * (`parameters[name=image.tag].value=1.4.2`) or quotes (`annotations["a=b"]=x`): the entry is split
 * at the first `=` outside both. A key listed twice is refused.
 */
export function parseValueList(input: string, inputName = 'values'): EditRequest[] {
  const requests: EditRequest[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of entries(input).map((entry) => oneLine(entry, inputName))) {
    const where = `Input '${inputName}' line ${line}`;
    const split = keyValueSplit(text);
    if (split < 0) throw new InputError(`${where} has no '=' after its key path: ${quoteForMessage(text)}.`, "Write one key=value per line, e.g. 'image.tag=1.4.2' or 'spec.source.helm.parameters[name=image.tag].value=1.4.2'.");
    const keyText = text.slice(0, split).trim();
    const value = text.slice(split + 1).trim();
    const path = renamed(() => parseKeyPath(keyText), where);
    if (value === '') throw new InputError(`${where} gives ${keyText} no value.`, 'Write the value after the =, e.g. image.tag=1.4.2.');
    const key = formatKeyPath(path);
    const first = seen.get(key);
    if (first !== undefined) throw new InputError(`${where} lists ${key} again (first on line ${first}).`, 'List each key path once, with the one value it should get.');
    seen.set(key, line);
    requests.push({ mode: 'key', path, value });
  }
  return requests;
}

/** The index of the first `=` outside brackets and double quotes; -1 when there is none. */
function keyValueSplit(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const c = text[index];
    if (quoted) {
      if (c === '\\') index++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '=' && depth === 0) return index;
  }
  return -1;
}

/** parseKeyPath's error, said of the list entry rather than of input 'key'. */
function renamed<T>(parse: () => T, where: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof GitopsPromoteError) throw new InputError(error.message.replace(/^Input 'key' is /, `${where}: `), error.hint);
    throw error;
  }
}
