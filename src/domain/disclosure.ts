/**
 * The disclosure gate: the one policy every published figure goes through (results, brief,
 * export, webhooks, lists, pages, e-mails). See SECURITY.md, "Privacy".
 */

/** Anonymous surveys never publish a figure about fewer people than this, whatever the series says. */
export const ANONYMOUS_FLOOR = 3;

/**
 * The smallest group a figure of this survey may describe: the series' minimum group size,
 * raised to ANONYMOUS_FLOOR for an anonymous survey (a coordinator knows who answered, so a
 * group of one or two would be a person).
 */
export function effectiveMinimum(seriesMinimum: number, anonymous: boolean): number {
  return anonymous ? Math.max(seriesMinimum, ANONYMOUS_FLOOR) : seriesMinimum;
}
