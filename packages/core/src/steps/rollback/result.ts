/** What a rollback did: each field becomes an output. */
/** One value rolled back, as the `changes` output lists it. */
export interface RollbackChange {
  image?: string;
  key?: string;
  from: string;
  to: string;
}

export interface RollbackResult {
  changed: boolean;
  /** One value: the value before; several: each, comma-separated in the order of `changes`. */
  from: string;
  /** One value: the value returned to; several: each, comma-separated in the order of `changes`. */
  to: string;
  /** Every value rolled back (empty when nothing changed). */
  changes: RollbackChange[];
  /** The commit that holds `to`: on the branch, or the PR/MR head. */
  commitSha: string;
  pushed: boolean;
  /** One value: where `to` came from, the commit whose value it was; undefined for an explicit `to`. */
  source?: string;
  number?: number;
  url?: string;
}
