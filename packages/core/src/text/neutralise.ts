/**
 * What the adapters print carries repository content (file names, YAML keys and values, git's
 * messages), which whoever can push to the environment repository controls. Log readers act on
 * some sequences in it, so every message is passed through {@link neutralise} after redaction:
 *
 * - GitHub's runner (actions/runner, `Handlers/OutputManager.cs` and `ActionCommand.cs`) splits
 *   stdout and stderr into lines with `StreamReader.ReadLine` (at `\n`, `\r` and `\r\n`) and runs a
 *   line as a workflow command when it starts with `::` after `TrimStart()` (the v2 form), or, failing
 *   that, when it contains `##[name …]` anywhere (the v1 form, still honoured). Its comparisons are
 *   culture-sensitive, so zero-width characters may be skipped too.
 * - GitLab's log (`Gitlab::Ci::Ansi2json`) opens and closes sections at
 *   `section_start:<ts>:<name>\r\e[0K` anywhere in a line, drops the text before a lone `\r`, and
 *   applies ANSI escapes.
 * - Terminals act on ESC and C1 sequences: colours, cursor moves, window titles, the clipboard.
 *
 * The terminal adapter gets the same treatment as the CI ones: the CLI also runs inside a `run:`
 * step, whose stdout and stderr GitHub's runner reads for commands, and inside GitLab jobs.
 */

/**
 * Characters a reader may skip before or inside a command marker: whitespace (what `TrimStart`
 * removes), controls, format characters such as U+200B, combining marks and every default-ignorable
 * code point (what ICU's culture-sensitive `StartsWith`/`IndexOf` ignore). Never a line feed: a
 * marker does not span lines, and a lead that could would make the scan quadratic in blank lines.
 */
const SKIPPABLE = String.raw`(?:(?!\n)[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}])`;

/** `::` opening a line, possibly behind skippable characters: the runner's v2 command form. */
const LINE_START_COMMAND = new RegExp(String.raw`^(${SKIPPABLE}*):(${SKIPPABLE}*):`, 'gmu');

/** `##[` anywhere: the runner's v1 command form and the log viewer's own markers. */
const V1_COMMAND = new RegExp(String.raw`#(${SKIPPABLE}*)#(${SKIPPABLE}*)\[`, 'gu');

/**
 * C0 controls but tab and line feed, DEL, C1 controls (U+009B is CSI, U+0085 a line break to some
 * readers) and the Unicode line and paragraph separators.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\n-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeControl(char: string): string {
  if (char === '\r') return '\\r';
  if (char === '\n') return '\\n';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Shows control characters as JSON-style escapes (`\r`, `\u001b`), so none reaches a log or a
 * terminal raw: no ESC for ANSI sequences or GitLab's section markers, no `\r` to start a new
 * runner line or hide a line's text. `\r\n` line ends become `\n`; with `newlines: false` line
 * feeds are escaped too, for text that must stay on one line (a group title, a table cell).
 */
export function escapeControls(text: string, { newlines = true }: { newlines?: boolean } = {}): string {
  if (!newlines) return text.replace(CONTROL_OR_NEWLINE, escapeControl);
  return text.replace(/\r\n/g, '\n').replace(CONTROL, escapeControl);
}

/**
 * Makes `text` inert for GitHub's runner, GitLab's log and terminals; text without control
 * characters, a line-opening `::` or `##[` comes back unchanged. A `\` goes in front of a
 * line-opening `::`, and after the `[` of `##[` (the runner's own escape for its `##[start-action`
 * markers), so the reader sees the characters but no command.
 */
export function neutralise(text: string, options: { newlines?: boolean } = {}): string {
  return escapeControls(text, options)
    .replace(LINE_START_COMMAND, (_match, lead: string, between: string) => `${lead}\\:${between}:`)
    .replace(V1_COMMAND, (_match, first: string, second: string) => `#${first}#${second}[\\`);
}

/**
 * `JSON.stringify`, with the characters a log reader acts on written as JSON escapes: any JSON
 * parser reads the same value back, but a `##[` inside a string (a file named
 * `##[set-output name=x]y.yaml`) no longer reads as a command where the CLI's `name=value` output
 * lines are logged, and no C1 control or line separator reaches a terminal. JSON.stringify
 * already escapes C0 controls and never emits `##[` outside a string, so `[` can be escaped there.
 */
export function inertJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\u009f\u2028\u2029]/g, escapeControl)
    .replace(V1_COMMAND, (_match, first: string, second: string) => `#${first}#${second}\\u005b`);
}
