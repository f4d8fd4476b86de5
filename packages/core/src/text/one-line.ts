/**
 * `text` as one line of a message: every run of whitespace (line breaks included) becomes one
 * space, the ends are trimmed, and beyond `max` characters it is cut with an ellipsis.
 */
export function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * How a value that must not be shown raw is quoted in a message: as a JSON string, with C1 control
 * characters escaped too, so nothing in it can act on a terminal or a CI log.
 */
export function quoteForMessage(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
