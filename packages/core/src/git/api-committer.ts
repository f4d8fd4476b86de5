import type { FileContent } from './git-repository';

/**
 * A commit made by the forge (sign-commits). A branch another run moved first makes it throw a
 * BranchMovedError (git/errors.ts), retried like a lost push.
 */
export type ApiCommitter = (request: {
  branch: string;
  parent: string;
  parentTree: string;
  message: string;
  files: readonly FileContent[];
  expectedHead?: string;
  fastForwardOnly?: boolean;
}) => Promise<{ sha: string; verified: boolean }>;
