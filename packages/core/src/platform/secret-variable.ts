/**
 * The environment variable a secret input is read from outside a CI: `token` → `GITOPS_PROMOTE_TOKEN`.
 * A variable, not a flag: a command line is readable by every user of the machine (`ps`,
 * /proc/<pid>/cmdline) and shells keep it in their history.
 */
export function secretVariable(name: string): string {
  return `GITOPS_PROMOTE_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
