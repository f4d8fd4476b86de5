/**
 * The parts of `@actions/core` the GitHub adapter uses, without the package's entry. That entry
 * (lib/core.js) imports its OIDC client and with it @actions/http-client and undici: a megabyte of
 * bundle that every GitHub run paid for at start-up (about 95 ms) for `getIDToken`, which no step
 * calls. The package exports only its entry, so these modules are imported by path: the workflow
 * commands, the file commands with their random heredoc delimiter, and the job summary are still
 * `@actions/core`'s own code. test/unit/platform-github-toolkit.test.ts holds the adapter's output
 * against the entry's, so an upgrade that changes either fails there.
 */
export { issue, issueCommand } from '../../../../node_modules/@actions/core/lib/command.js';
export { issueFileCommand, prepareKeyValueMessage } from '../../../../node_modules/@actions/core/lib/file-command.js';
export { toCommandValue } from '../../../../node_modules/@actions/core/lib/utils.js';
export { summary } from '../../../../node_modules/@actions/core/lib/summary.js';
