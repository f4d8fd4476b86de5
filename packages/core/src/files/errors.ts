import { GitopsPromoteError } from '../errors';

/** A `files` entry resolves outside the repository, through a symlink, or to nothing. */
export class FileSelectionError extends GitopsPromoteError {}
