import type { ValueChange } from '../../manifest/value-changes';
import { promotedValues, setName, shortValues, type SetValue } from '../../promotion/value-set';
import { markdownCode, markdownText } from '../../platform/markdown';
import { fillTemplate } from '../../text/template';
import { fitBody, type ReviewSections } from '../../promotion/review/body';
import { changeTable } from '../change-table';
import { targetName, type OpenPromotionPrConfig } from './config';

/** What the title and body are made from. */
export interface PromotionFacts {
  base: string;
  value: string;
  previous: readonly string[];
  /** Each place changed; a set's name their image or key (the table's first column). */
  changes: readonly ValueChange[];
  /** A set (`images` / `keys`): every value considered, the skipped ones marked. */
  values?: readonly SetValue[];
  /** Where the value came from: the source files and the commit that last set them there. */
  source?: { files: readonly string[]; commit: string | undefined };
  /** The review sections (see promotion/review); absent ones are left out. */
  review?: ReviewSections;
}

function placeholders(config: OpenPromotionPrConfig, facts: PromotionFacts): Record<string, string> {
  const common = { value: facts.value, environment: config.environment, base: facts.base };
  if (config.target.mode === 'set') {
    const promoted = promotedValues(facts.values ?? []);
    return { ...common, target: setName(promoted), image: '', key: '', previous: shortValues(promoted, (value) => value.previous.join(', ')) };
  }
  return {
    ...common,
    target: targetName(config.target),
    image: config.target.mode === 'image' ? config.target.image : '',
    key: config.target.mode === 'key' ? config.target.key : '',
    previous: facts.previous.join(', '),
  };
}

export function promotionTitle(config: OpenPromotionPrConfig, facts: PromotionFacts): string {
  return fillTemplate(config.titleTemplate, placeholders(config, facts), 'title');
}

export function promotionBody(config: OpenPromotionPrConfig, facts: PromotionFacts): string {
  const values = placeholders(config, facts);
  const table = changeTable(facts.changes, '(removed)');
  const source = sourceLine(config, facts);
  const compare = compareLink(config, facts);
  const previous = facts.previous.length > 0 ? facts.previous.map(markdownCode).join(', ') : '(not set)';
  const review = facts.review ?? {};
  const head = [
    facts.values
      ? `Promotes ${values.target ?? ''} to **${markdownText(config.environment)}** in one commit: a row per value and place.`
      : `Promotes ${markdownCode(values.target ?? '')} to **${markdownText(config.environment)}**: ${previous} → ${markdownCode(facts.value)}.`,
    '',
    table,
    '',
    ...skippedLines(config, facts.values ?? []),
    ...(source ? [source, ''] : []),
    ...(compare && !review.compared ? [compare, ''] : []),
  ].join('\n');
  const footer = `<sub>Opened by gitops-promote. Each run rebuilds this branch from ${markdownCode(facts.base)}; commits people push to it are kept, and a later value updates this ${config.forge === 'github' ? 'pull request' : 'merge request'} instead of opening another.</sub>`;
  const standard = fitBody(head, review, footer);
  if (!config.bodyTemplate) return standard;
  const sections = { diff: review.diff?.(Number.POSITIVE_INFINITY) ?? '', changelog: review.changelog ?? '', evidence: review.evidence ?? '', drift: review.drift ?? '' };
  return fitBody(fillTemplate(config.bodyTemplate, { ...values, table, source, compare, default: standard, ...sections }, 'body'), {}, '');
}

function sourceLine(config: OpenPromotionPrConfig, facts: PromotionFacts): string {
  if (!facts.source) return `Value given explicitly to the step.`;
  const where = sourceEnvironmentOf(config, facts);
  const commit = facts.source.commit ? ` at commit ${markdownCode(facts.source.commit.slice(0, 12))}` : '';
  return `Running in **${markdownText(where)}**${commit} (${facts.source.files.map(markdownText).join(', ')} on ${markdownCode(facts.base)}).`;
}

/** The environment the value comes from, as the body names it. */
export function sourceEnvironmentOf(config: OpenPromotionPrConfig, facts: PromotionFacts): string {
  return config.sourceEnvironment ?? (facts.source ? environmentOf(facts.source.files) : 'the source environment');
}

/** The folder the source files share, as the environment's name (envs/staging/… → staging). */
function environmentOf(files: readonly string[]): string {
  const folders = new Set(files.map((file) => file.split('/').slice(0, -1).pop() ?? ''));
  const [only] = [...folders];
  return folders.size === 1 && only ? only : 'the source environment';
}

/** The app repository's compare view old…new, when both are tags one could compare. */
function compareLink(config: OpenPromotionPrConfig, facts: PromotionFacts): string {
  if (!config.sourceRepository) return '';
  const from = facts.previous.length === 1 ? facts.previous[0]?.split('@')[0] : undefined;
  const to = facts.value.split('@')[0];
  if (!from || !to || from === to) return '';
  const repo = /^https?:\/\//.test(config.sourceRepository) ? config.sourceRepository.replace(/\/+$/, '').replace(/\.git$/, '') : `${config.webUrl}/${config.sourceRepository}`;
  const url = config.forge === 'github' ? `${repo}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}` : `${repo}/-/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
  return `Changes in the application: [${markdownCode(from)} … ${markdownCode(to)}](${url})`;
}

/** The values of a set left out, each named with why: what the reviewer does not get in this change. */
function skippedLines(config: OpenPromotionPrConfig, values: readonly SetValue[]): string[] {
  const running = values.filter((value) => value.skipped?.reason === 'running');
  const held = values.filter((value) => value.skipped?.reason === 'held');
  const lines: string[] = [];
  if (running.length > 0) {
    lines.push(`Already running in **${markdownText(config.environment)}** (skipped): ${running.map((value) => `${markdownCode(value.name)} ${markdownCode(value.value)}`).join(', ')}.`, '');
  }
  for (const value of held) lines.push(`Left out, held by a rollback: ${markdownText(value.skipped?.message ?? '')}`, '');
  return lines;
}
