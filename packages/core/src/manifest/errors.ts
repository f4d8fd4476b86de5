import { GitopsPromoteError } from '../errors';

/** A YAML file could not be parsed; `message` carries file:line:column. */
export class ManifestParseError extends GitopsPromoteError {}

/** The requested edit matched nothing, or cannot be expressed without rewriting the file. */
export class ManifestEditError extends GitopsPromoteError {}
