import { quoteForMessage } from '../text/one-line';

export { quoteForMessage } from '../text/one-line';
import { InputError } from '../errors';

/**
 * An OCI image reference split into the parts an edit touches. `name` is everything before the
 * tag/digest exactly as written (registry, port and path included), so matching is by exact name:
 * `registry:5000/app` has no tag, and `…/payments` never matches `…/payments-worker`.
 */
export interface ImageReference {
  name: string;
  tag?: string;
  digest?: string;
}

// From the OCI distribution spec: a tag is at most 128 characters of [A-Za-z0-9_.-], not starting
// with `.` or `-`. The digest grammar admits any `algorithm:encoded`, but only sha256 and sha512
// are registered, and registries and clients reject the rest; a new digest must be one of those two
// (references already in a manifest are parsed whatever their digest, since they are only replaced).
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
// Lower-case path components separated by `/`, optionally behind a registry host[:port].
const NAME_PATTERN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

export function parseImageReference(text: string): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A colon after the last slash separates the tag; one before it belongs to a registry port.
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const ref: ImageReference = { name: rest };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export function formatImageReference(ref: ImageReference): string {
  return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag);
}

export function isValidDigest(digest: string): boolean {
  return DIGEST_PATTERN.test(digest);
}

export function isValidImageName(name: string): boolean {
  return name.length <= 255 && NAME_PATTERN.test(name);
}

/** An image's value as the steps say and record it: `tag`, `@digest` or `tag@digest`. */
export function imageValue(version: { tag?: string | undefined; digest?: string | undefined }): string {
  return `${version.tag ?? ''}${version.digest !== undefined ? `@${version.digest}` : ''}`;
}

export function validateImageName(name: string, inputName: string): void {
  if (!isValidImageName(name)) {
    throw new InputError(
      `Input '${inputName}' is not a valid image name: ${quoteForMessage(name)}.`,
      `Give the repository part only, exactly as it appears in the manifests, e.g. 'ghcr.io/acme/payments' (no tag, no digest, lower case).`,
    );
  }
}

export function validateTag(tag: string, inputName: string): void {
  if (!isValidTag(tag)) {
    throw new InputError(
      `Input '${inputName}' is not a valid OCI tag: ${quoteForMessage(tag)}.`,
      'A tag is 1-128 characters of letters, digits, `_`, `.` and `-`, not starting with `.` or `-` (no spaces, newlines or shell characters).',
    );
  }
}

export function validateDigest(digest: string, inputName: string): void {
  if (!isValidDigest(digest)) {
    throw new InputError(
      `Input '${inputName}' is not a valid OCI digest: ${quoteForMessage(digest)}.`,
      "Give 'sha256:' followed by 64 lower-case hex digits, or 'sha512:' followed by 128 (the only registered OCI algorithms), e.g. the 'digest' output of docker/build-push-action or `crane digest <image>`.",
    );
  }
}

/**
 * The one spelling of an image name, so what runs is compared rather than how it is written:
 * Docker Hub's implied registry and `library/` namespace are made explicit (`nginx`,
 * `docker.io/nginx`, `index.docker.io/library/nginx` are all `docker.io/library/nginx`), and the
 * registry host is lower-cased (hosts are case-insensitive; paths are not). A first component is
 * a host when it has a `.` or `:` or is `localhost`, as docker and containerd decide it.
 */
export function normalizeImageName(name: string): string {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const isHost = first !== '' && (first.includes('.') || first.includes(':') || first.toLowerCase() === 'localhost');
  let host = isHost ? first.toLowerCase() : 'docker.io';
  let path = isHost ? name.slice(slash + 1) : name;
  if (host === 'index.docker.io' || host === 'registry-1.docker.io') host = 'docker.io';
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return `${host}/${path}`;
}
