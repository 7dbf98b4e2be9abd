/**
 * Rules across fields, declared on a form (`rules`) and run in its schema, so the API, the
 * site's question page and its check step all refuse the same answers with the same message.
 */
import { fieldMessages } from './messages.ts';

/** A check on several answers; its message is shown next to the last of `fields`. */
export interface FormRule<N extends string = string> {
  /** The fields the rule reads; the message belongs to the last one. */
  fields: readonly [N, ...N[]];
  /** True when the (already valid) answers agree; an answer left out of an optional field is undefined. */
  check: (values: Readonly<Record<N, unknown>>) => boolean;
  /** zh-CN, next to the field. */
  message: string;
}

/**
 * A period whose end is not before its start; the same day is allowed. ISO 8601 dates
 * (2026-12-01) compare as strings. A period missing either date is for the fields to refuse.
 */
export function periodInOrder<N extends string>(start: N, end: N, period: string): FormRule<N> {
  return {
    fields: [start, end],
    check: (values) => {
      const [from, to] = [values[start], values[end]];
      return typeof from !== 'string' || typeof to !== 'string' || to >= from;
    },
    message: fieldMessages.endBeforeStart(period),
  };
}

/**
 * The text box beside an "other" option (其他 / 其它) must be filled when that option is chosen,
 * for radios and for checkboxes alike.
 */
export function otherExplained<N extends string>(choice: N, other: N, otherValue: string, label: string): FormRule<N> {
  return {
    fields: [choice, other],
    check: (values) => {
      const chosen = values[choice];
      const isOther = Array.isArray(chosen) ? chosen.includes(otherValue) : chosen === otherValue;
      return !isOther || (typeof values[other] === 'string' && values[other].trim() !== '');
    },
    message: fieldMessages.otherRequired(label),
  };
}

/** An option that rules out every other one (未收录 with an index named is a contradiction). */
export function chosenAlone<N extends string>(choice: N, alone: string, aloneLabel: string, label: string): FormRule<N> {
  return {
    fields: [choice],
    check: (values) => {
      const chosen = values[choice];
      return !Array.isArray(chosen) || !chosen.includes(alone) || chosen.length === 1;
    },
    message: fieldMessages.chosenAlone(aloneLabel, label),
  };
}
