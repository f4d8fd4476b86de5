import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../packages/core/src/text/duration';
import { InputError } from '../../packages/core/src/errors';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['2m30s', 150_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['45', 45_000],
    [' 5m ', 300_000],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text, 'timeout')).toBe(ms);
  });

  it.each(['', 'soon', '5 m', '-5s', '5d', 'm', '1h-30m', '10mins'])('refuses %j naming the input', (text) => {
    expect(() => parseDuration(text, 'push-timeout')).toThrow(InputError);
    expect(() => parseDuration(text, 'push-timeout')).toThrow(`Input 'push-timeout' is not a duration: ${JSON.stringify(text)}.`);
  });
});

describe('formatDuration', () => {
  it.each([
    [350, '350 ms'],
    [4000, '4.0 s'],
    [45_200, '45.2 s'],
    [90_000, '1m 30s'],
    [300_000, '5m'],
  ])('%d ms reads %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
