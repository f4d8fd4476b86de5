import { InputError } from '../errors';
import { isValidDigest, quoteForMessage, validateDigest, validateTag } from '../manifest/image-reference';
import type { Author } from '../git/author';

/** Refuses a line break (or NUL) in an input that ends up in one line of git or an API call. */
export function singleLine(value: string, name: string): string {
  if (/[\r\n\u0000]/.test(value)) {
    throw new InputError(`Input '${name}' must be a single line.`, `Remove line breaks from '${name}'.`);
  }
  return value;
}

/**
 * The tag and digest a step sets, from its `tag` and `digest` inputs. `tag` may carry its digest
 * (`1.4.2@sha256:…`), as build tools often print it; everything after the first `@` is that
 * digest and is validated whole, so `1.0@sha256:…@junk` or `1.0@` is refused rather than trimmed
 * to something the user did not write. Both empty gives {}.
 */
export function imageVersionInputs(tagInput: string, digestInput: string): { tag?: string; digest?: string } {
  let tag = tagInput;
  let digest = digestInput;
  const at = tag.indexOf('@');
  if (at >= 0) {
    const tagPart = tag.slice(0, at);
    const digestPart = tag.slice(at + 1);
    if (!isValidDigest(digestPart)) {
      throw new InputError(
        `Input 'tag' carries an invalid digest after its first '@': ${quoteForMessage(digestPart)}.`,
        "Write 'tag' as <tag>@sha256:<64 lower-case hex digits> (or sha512 and 128), with one '@', or give the digest in 'digest'.",
      );
    }
    if (digest !== '' && digest !== digestPart) {
      throw new InputError("Input 'tag' carries a digest that differs from input 'digest'.", "Give the digest in one place only.");
    }
    tag = tagPart;
    digest = digestPart;
  }
  if (tag !== '') validateTag(tag, 'tag');
  if (digest !== '') validateDigest(digest, 'digest');
  return { ...(tag !== '' ? { tag } : {}), ...(digest !== '' ? { digest } : {}) };
}

/**
 * The commit identity from `author-name` and `author-email`; undefined when neither is set.
 * git rewrites an identity silently (ident.c, strbuf_addstr_without_crud): it deletes `<`, `>`
 * and line breaks anywhere, and strips C0 controls, spaces and . , : ; " ' \ from both ends
 * (so `<bot@x>` becomes `bot@x`, `Tolkien Jr.` becomes `Tolkien Jr`). Refuse exactly those, plus
 * any control character (C0, DEL, C1) inside, which git keeps but no identity should hold.
 */
export function authorInputs(name: string, email: string): Author | undefined {
  if ((name === '') !== (email === '')) {
    throw new InputError("Inputs 'author-name' and 'author-email' go together.", 'Set both, or neither to use the default identity.');
  }
  if (name === '') return undefined;
  for (const [input, value] of [['author-name', name], ['author-email', email]] as const) {
    if (/[\u0000-\u001f\u007f-\u009f<>]/.test(value) || /^[ .,:;"'\\]|[ .,:;"'\\]$/.test(value)) {
      throw new InputError(
        `Input '${input}' ${quoteForMessage(value)} is not kept as written by git: it drops '<', '>' and line breaks, and spaces and . , : ; " ' \\ at either end (control characters are refused too).`,
        input === 'author-email'
          ? "Give the bare address without angle brackets or surrounding punctuation, e.g. author-email: deploy-bot@example.com."
          : "Give the name without '<', '>' or control characters and with no space or . , : ; \" ' \\ at either end, e.g. author-name: Deploy Bot.",
      );
    }
  }
  return { name, email };
}
