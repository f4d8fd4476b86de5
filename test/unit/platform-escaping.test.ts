/**
 * Repository content reaches the log (file names, keys, values, git's messages): whatever it
 * holds, no adapter may print something a CI reads as a command or a terminal as an escape.
 * The readers below are modelled on the real ones, independently of packages/core's own rules,
 * and on the generous side (they skip more than the real readers do), so text they find inert
 * is inert there too.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GitHubPlatform } from '../../packages/core/src/platform/github-platform';
import { GitLabPlatform } from '../../packages/core/src/platform/gitlab-platform';
import { markdownCode, markdownInline, markdownText } from '../../packages/core/src/platform/markdown';
import { escapeControls, inertJson, neutralise } from '../../packages/core/src/text/neutralise';
import { TerminalPlatform } from '../../packages/core/src/platform/terminal-platform';
import { captureStdout, usePlatformSandbox } from '../support/platform-sandbox';

const HOSTILE = [
  '::set-output name=x::y',
  '  ::add-mask::hunter2',
  '::error::boom',
  '::ERROR file=a,line=1::upper case',
  '::stop-commands::resume-token',
  '##[group]x',
  'text before ##[set-output name=x]y',
  '\u001b[0Ksection_start:1:x\r\u001b[0K',
  'Key: value\u001b[0Ksection_end:1:gitops_promote_1\r\u001b[0K',
  '\r',
  'visible\rhidden by a carriage return',
  'harmless\r::set-env name=PATH::/tmp/evil',
  'first line\n::warning::second line\n  ##[endgroup]',
  '\t::debug::after a tab',
  '\u00a0::error::after a no-break space',
  '\u200b::error::after a zero-width space',
  '\ufeff::error::after a byte order mark',
  ':\u200b:error::zero-width between the colons',
  '#\u200b#[group]zero-width inside the v1 prefix',
  '\u0085::error::after NEL',
  '\u2028::error::after a line separator',
  '\u001b[31mred\u001b[0m \u001b]0;window title\u0007 \u001b[2J \u009b2J',
  'C0: \u0000 \u0001 \u0007 \u0008 \u000b \u000c \u000e \u001f \u007f',
] as const;

const PLAIN = [
  'Editing manifests',
  'envs/dev/kustomization.yaml:7 images[0].newTag: "1.4.1" → "1.4.2"',
  "Input 'files' is required.\n  How to fix: List the manifests to edit.",
  'Push attempt 1/10: the remote branch moved; retrying in 0.4 s',
  'std::vector, fe80::1 and a:b::c stay as they are: no line starts with ::',
  'tabs\tstay, and so do ünïcødé, 漢字 and 🚀',
  '100% done; #hash and [brackets] and ## heading',
] as const;

/** What actions/runner registers as commands (ActionCommandManager.cs), compared case-insensitively. */
const REGISTERED = new Set([
  'add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'endgroup', 'error', 'group', 'internal-set-repo-path',
  'notice', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'stop-commands', 'warning', 'resume-token',
]);

/** Zero-width and format characters (soft hyphen, U+200B, BOM, bidi marks) a culture-sensitive comparison may skip anywhere. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

interface RunnerCommand {
  name: string;
  data: string;
}

/**
 * The commands GitHub's runner would run for this output: ProcessInvoker splits lines with
 * StreamReader.ReadLine (\n, \r, \r\n); ActionCommand.TryParseV2 takes a line that starts with
 * `::` after TrimStart, TryParse a `##[name …]` anywhere in it.
 */
function runnerCommands(output: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.replace(IGNORABLE, '');
    const trimmed = line.replace(/^[\s\u0000-\u001f\u007f-\u009f]+/u, '');
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      const name = end < 0 ? '' : (trimmed.slice(2, end).split(' ')[0] ?? '').toLowerCase();
      if (REGISTERED.has(name)) {
        commands.push({ name, data: unescapeData(trimmed.slice(end + 2)) });
        continue;
      }
    }
    const prefix = line.indexOf('##[');
    const bracket = prefix < 0 ? -1 : line.indexOf(']', prefix);
    const name = bracket < 0 ? '' : (line.slice(prefix + 3, bracket).split(' ')[0] ?? '').toLowerCase();
    if (REGISTERED.has(name)) commands.push({ name, data: line.slice(bracket + 1) });
  }
  return commands;
}

function unescapeData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** GitLab's section markers (Gitlab::Regex.build_trace_section_regex). */
const SECTION_MARKER = /section_(?:start|end):\d+:[a-zA-Z0-9_.-]+(?:\[(?:\w+=\w+)(?:, ?(?:\w+=\w+))*\])?\r\u001b\[0K/g;

/** Characters a terminal or GitLab's log acts on: ESC, CR, the other C0 controls but tab and LF, DEL, C1. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const sandbox = usePlatformSandbox('gp-escaping-');


/** The runner echoes a command's data into the log (`##[warning]…`), so it must be inert too. */
function expectOnlyOurCommands(output: string, expected: readonly string[]): void {
  const commands = runnerCommands(output);
  expect(commands.map((command) => command.name)).toEqual(expected);
  for (const command of commands) {
    expect(runnerCommands(command.data), JSON.stringify(command.data)).toEqual([]);
    expect(command.data).not.toMatch(TERMINAL_CONTROL);
  }
}

describe('GitHubPlatform', () => {
  it.each(HOSTILE)('info, warning, error, group and setFailed keep %j from acting', async (hostile) => {
    const stdout = captureStdout();
    const platform = new GitHubPlatform();
    platform.info(hostile);
    // info prints plain lines: no command, and nothing to drive a terminal or split a runner line.
    const info = stdout();
    expect(runnerCommands(info)).toEqual([]);
    expect(info).not.toMatch(TERMINAL_CONTROL);
    platform.warning(hostile);
    platform.error(hostile);
    await platform.group(hostile, async () => undefined);
    platform.setFailed(hostile);
    expectOnlyOurCommands(stdout().slice(info.length), ['warning', 'error', 'group', 'endgroup', 'error']);
    expect(process.exitCode).toBe(1);
  });

  it.each(PLAIN)('prints %j byte for byte', async (text) => {
    const stdout = captureStdout();
    const platform = new GitHubPlatform();
    platform.info(text);
    platform.warning(text);
    await platform.group(text.split('\n')[0] ?? '', async () => undefined);
    // @actions/core's escaping of command data, which the runner undoes.
    const data = (value: string): string => value.replace(/%/g, '%25').replace(/\n/g, '%0A');
    expect(stdout()).toBe(`${text}\n::warning::${data(text)}\n::group::${data(text.split('\n')[0] ?? '')}\n::endgroup::\n`);
  });

  it('keeps its own masks and outputs as they are, and redacts before neutralising', async () => {
    const output = path.join(sandbox.dir(), 'output');
    await writeFile(output, '');
    process.env.GITHUB_OUTPUT = output;
    const stdout = captureStdout();
    const platform = new GitHubPlatform();
    // A secret with an escape in it: escaping first would print it, escaped, instead of ***.
    platform.setSecret('tok\u001b[0men');
    platform.info('::add-mask:: tok\u001b[0men');
    platform.setOutput('changed', 'true');
    expect(stdout()).toBe('::add-mask::tok\u001b[0men\n\\::add-mask:: ***\n');
    expect(runnerCommands(stdout())).toEqual([{ name: 'add-mask', data: 'tok\u001b[0men' }]);
    expect(await readFile(output, 'utf8')).toMatch(/^changed<<(ghadelimiter_[0-9a-f-]+)\ntrue\n\1\n$/);
  });
});

describe('GitLabPlatform', () => {
  it.each(HOSTILE)('info, warning, error, group and setFailed keep %j from acting', async (hostile) => {
    const stdout = captureStdout();
    const platform = new GitLabPlatform({ CI_PROJECT_DIR: sandbox.dir() });
    await platform.group(hostile, async () => undefined);
    // The title stays on the section's header line: the next line closes the empty section.
    const [header = '', end = '', rest = ''] = stdout().split('\n');
    expect(header).toMatch(/^\u001b\[0Ksection_start:\d+:gitops_promote_1\[collapsed=true\]\r\u001b\[0K/);
    expect(end).toMatch(/^\u001b\[0Ksection_end:\d+:gitops_promote_1\r\u001b\[0K$/);
    expect(rest).toBe('');
    platform.info(hostile);
    platform.warning(hostile);
    platform.error(hostile);
    platform.setFailed(hostile);
    const output = stdout();
    // Only the section this group opened and closed.
    expect(output.match(SECTION_MARKER)).toEqual([
      expect.stringMatching(/^section_start:\d+:gitops_promote_1\[collapsed=true\]\r\u001b\[0K$/),
      expect.stringMatching(/^section_end:\d+:gitops_promote_1\r\u001b\[0K$/),
    ]);
    // Every escape and carriage return left is one of the adapter's own.
    const own = output
      .replace(SECTION_MARKER, '')
      .replace(/\u001b\[0K/g, '')
      .replace(/\u001b\[3[13]m(?:Warning|Error): /g, '')
      .replace(/\u001b\[0m\n/g, '\n');
    expect(own).not.toMatch(TERMINAL_CONTROL);
    // A GitLab job may be read by nothing else, but the same rule keeps its log free of commands.
    expect(runnerCommands(output)).toEqual([]);
  });

  it.each(PLAIN)('prints %j byte for byte', (text) => {
    const stdout = captureStdout();
    const platform = new GitLabPlatform({ CI_PROJECT_DIR: sandbox.dir() });
    platform.info(text);
    platform.warning(text);
    platform.error(text);
    expect(stdout()).toBe(`${text}\n\u001b[33mWarning: ${text}\u001b[0m\n\u001b[31mError: ${text}\u001b[0m\n`);
  });
});

describe('TerminalPlatform', () => {
  function terminal(): { platform: TerminalPlatform; stdout: () => string; stderr: () => string } {
    const out = new PassThrough();
    const log = new PassThrough();
    const read = (stream: PassThrough) => (): string => String(stream.read() ?? '');
    return { platform: new TerminalPlatform(new Map(), out, log), stdout: read(out), stderr: read(log) };
  }

  it.each(HOSTILE)('info, warning, error, group and setFailed keep %j from acting', async (hostile) => {
    const { platform, stdout, stderr } = terminal();
    platform.info(hostile);
    platform.warning(hostile);
    platform.error(hostile);
    await platform.group(hostile, async () => undefined);
    platform.setFailed(hostile);
    const log = stderr();
    // The CLI runs in `run:` steps too, where the runner reads stderr for commands.
    expect(runnerCommands(log)).toEqual([]);
    expect(log).not.toMatch(TERMINAL_CONTROL);
    expect(log.match(SECTION_MARKER)).toBeNull();
    expect(stdout()).toBe('');
  });

  it.each(PLAIN)('prints %j byte for byte', async (text) => {
    const { platform, stderr } = terminal();
    platform.info(text);
    platform.warning(text);
    await platform.group('Editing manifests', async () => undefined);
    expect(stderr()).toBe(`${text}\nwarning: ${text}\n── Editing manifests\n`);
  });
});

describe('neutralise', () => {
  it('shows what it escapes, so the reader still sees the text', () => {
    expect(neutralise('::set-output name=x::y')).toBe('\\::set-output name=x::y');
    expect(neutralise('  ::add-mask::')).toBe('  \\::add-mask::');
    expect(neutralise('##[group]x')).toBe('##[\\group]x');
    expect(neutralise('\u001b[0Ksection_start:1:x\r\u001b[0K')).toBe('\\u001b[0Ksection_start:1:x\\r\\u001b[0K');
    expect(neutralise('line\r\nend')).toBe('line\nend');
    expect(neutralise('a\nb', { newlines: false })).toBe('a\\nb');
  });
});

describe('inertJson', () => {
  it('reads back as the same value and holds no command', () => {
    const value = ['##[set-output name=x]y.yaml', '#\u200b#[group]g', '::error::x', 'nel\u0085 ls\u2028 ps\u2029 del\u007f', 'plain.yaml'];
    const json = inertJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(runnerCommands(`changed-files=${json}`)).toEqual([]);
    expect(json).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    expect(inertJson(['envs/dev/kustomization.yaml', { line: 7, previous: null }])).toBe(JSON.stringify(['envs/dev/kustomization.yaml', { line: 7, previous: null }]));
  });
});

/**
 * The GFM table rules the summary relies on (cmark-gfm's table extension): a row is split at
 * every `|` not escaped by a backslash; a code span's content is literal; its fence is a run of
 * backticks that only the same run closes.
 */
function tableCells(row: string): string[] {
  expect(row.startsWith('| ') && row.endsWith(' |')).toBe(true);
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

function codeSpanContent(cell: string): string {
  const fence = /^`+/.exec(cell)?.[0] ?? '';
  expect(fence.length).toBeGreaterThan(0);
  expect(cell.endsWith(fence)).toBe(true);
  const inner = cell.slice(fence.length, -fence.length);
  // No run of exactly the fence's length inside: it would close the span early.
  expect(inner.match(/`+/g)?.some((run) => run.length === fence.length) ?? false).toBe(false);
  const content = /^ .* $/.test(inner) && !/^ +$/.test(inner) ? inner.slice(1, -1) : inner;
  return content.replace(/\\\|/g, '|');
}

describe('summary table cells', () => {
  const cells = [
    'a|b',
    'back`tick',
    '``double`` and `single`',
    '`leading and trailing`',
    ' spaced ',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '[link](https://evil.example)',
    '**bold** _em_ @someone',
    '::set-output name=x::y',
    'line\nbreak |\r::error::x',
    'ends with a backslash \\',
    'pipe after a backslash \\|',
  ];

  it.each(cells)('%j stays one literal cell', (text) => {
    const row = `| ${markdownText(text)} | 1 | ${markdownCode(text)} |`;
    expect(row).not.toMatch(/[\r\n]/);
    const [file, line, value] = tableCells(row);
    expect(line).toBe('1');
    expect(codeSpanContent(value ?? '')).toBe(escapeControls(text, { newlines: false }));
    expect(codeSpanContent(file ?? '')).toBe(codeSpanContent(value ?? ''));
  });

  it('leaves ordinary paths and values as they were', () => {
    for (const file of ['envs/dev/kustomization.yaml', 'charts/payments/values-prod.yaml', 'a/my_app_values.yml']) expect(markdownText(file)).toBe(file);
    for (const risky of ['_em_.yaml', 'envs/__init__.yaml', 'www.evil.example.yaml']) expect(markdownText(risky)).toBe(`\`${risky}\``);
    expect(markdownCode('1.4.2')).toBe('`1.4.2`');
    expect(markdownCode('images[0].newTag')).toBe('`images[0].newTag`');
    expect(markdownCode('')).toBe('*(empty)*');
  });
});

describe('markdownInline', () => {
  it('shows a line of repository text as it reads: markup escaped, mentions as code, one line', () => {
    expect(markdownInline('Fix *all* the `bugs` in <b>x</b> [a](b) | ~~c~~ $x$ &amp; #1')).toBe(
      'Fix \\*all\\* the \\`bugs\\` in \\<b\\>x\\</b\\> \\[a\\]\\(b\\) \\| \\~\\~c\\~\\~ \\$x\\$ \\&amp; \\#1',
    );
    expect(markdownInline('thanks @alice and @org/team, mail bob@example.com')).toBe('thanks `@alice` and `@org/team`, mail bob@example.com');
    expect(markdownInline('one\ntwo\u001b[31m')).toBe('one\\\\ntwo\\\\u001b\\[31m');
    expect(markdownInline('Plain words, 1.4.2-rc.1 and a/b_c')).toBe('Plain words, 1.4.2-rc.1 and a/b\\_c');
  });
});
