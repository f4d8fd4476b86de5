import type { FileContent } from './git-repository';

/** A commit made by the forge (sign-commits); 'race' when another run moved the branch first. */
export type ApiCommitter = (request: {
  branch: string;
  parent: string;
  parentTree: string;
  message: string;
  files: readonly FileContent[];
  expectedHead?: string;
  fastForwardOnly?: boolean;
}) => Promise<{ sha: string; verified: boolean } | 'race'>;
