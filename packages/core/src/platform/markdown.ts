import { escapeControls } from '../text/neutralise';

/**
 * `text` as GitHub-flavoured Markdown that shows it literally inside a table cell, whatever a
 * repository put in it: a code span, so HTML, links, images, emphasis and mentions stay text; a
 * fence one backtick longer than any run of backticks inside, so none of them closes it; `|`
 * written `\|`, which the table parser honours inside code spans too; control characters and line
 * breaks shown escaped, so the row stays one line and no line of the summary starts with anything
 * but `|`.
 */
export function markdownCode(text: string): string {
  const shown = escapeControls(text, { newlines: false }).replace(/\|/g, '\\|');
  // An empty code span is not one: two backticks would show as they are.
  if (shown === '') return '*(empty)*';
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A backtick at either end would merge with the fence, and CommonMark strips one space from each
  // end of a span that has one at both: a space of padding each side keeps the content exact.
  const pad = /^[ `]|[ `]$/.test(shown) && !/^ +$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/**
 * Letters, digits and `/ . - _`, starting with a letter or digit: Markdown gives none of them a
 * meaning, except `_` next to anything but a letter or digit (emphasis) and a leading `www.`
 * (GitHub's autolinks).
 */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9/._-]*$/;
const MARKUP_IN_PLAIN = /(?:^|[^A-Za-z0-9])_|_(?:$|[^A-Za-z0-9])|^www\./i;

/** `text` as it is when Markdown reads it as plain text (an ordinary path), else as {@link markdownCode}. */
export function markdownText(text: string): string {
  return PLAIN.test(text) && !MARKUP_IN_PLAIN.test(text) ? text : markdownCode(text);
}

/**
 * The characters that start or end markup inside a paragraph: emphasis, code, links and images,
 * HTML and autolinks, entities, tables, strikethrough and GitHub's math. Backslash-escaping any
 * ASCII punctuation is plain text to CommonMark; `.` `-` `=` only mean something at a line's
 * start, where this text never is.
 */
const INLINE_MARKUP = /[\\`*_{}[\]<>()#+!|~&$]/g;

/**
 * `@name` as GitHub and GitLab read a mention: after a character that is not part of a word or an
 * e-mail address. Mentions in a change request's body notify the person on every edit.
 */
const MENTION = /(?<![\w.+\-@`])@[A-Za-z0-9_][\w.-]*(?:\/[\w.-]+)?/g;

/**
 * `text` (one line of what a repository's history says, such as a commit subject) as Markdown
 * that shows it as it reads and does nothing else: markup characters escaped, control characters
 * and line breaks shown escaped, and mentions set as code so nobody is notified.
 */
export function markdownInline(text: string): string {
  const shown = escapeControls(text, { newlines: false });
  let out = '';
  let at = 0;
  for (const match of shown.matchAll(MENTION)) {
    out += shown.slice(at, match.index).replace(INLINE_MARKUP, '\\$&') + markdownCode(match[0]);
    at = match.index + match[0].length;
  }
  return out + shown.slice(at).replace(INLINE_MARKUP, '\\$&');
}
