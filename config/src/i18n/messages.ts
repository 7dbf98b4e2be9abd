import { z } from 'zod';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/** Every message key; a key not in zh-CN.ts fails typecheck where it is used. */
export type MessageKey = keyof typeof zhCN;

/** What a language must give: a text for every key of zh-CN.ts (an `en.ts` is typed `Messages`). */
export type Messages = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders of a text; `{{{ }}}` and other braces that hold no plain name are text. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string}${'{' | '}' | ' '}${string}` | '' ? never : Name) | Placeholders<Rest>
  : never;

/** The keys whose text has no placeholders, so that a table of them can be passed to t() as it is. */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof zhCN)[K]>] extends [never] ? K : never }[MessageKey];

/** The values a key's placeholders need, by name, as zh-CN.ts writes them. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof zhCN)[K]>, string | number>;

/** No second argument for a text without placeholders; every placeholder for one with them. */
type ParamsArgument<K extends MessageKey> = [Placeholders<(typeof zhCN)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/** A placeholder as it appears at run time; the same rule as `Placeholders`. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The placeholder names a text uses, in order: a translation must use the same ones. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');

/** `messages[key]` with each `{name}` replaced by `params[name]`; a name without a value stays visible, an unknown key throws. */
export function translate(messages: Messages, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[key];
  if (text === undefined) throw new Error(`No message has the key ${key}`);
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The languages of the public site: zh-CN, the default and reference, and English for international applicants. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

const CATALOGS: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** The request's language as the site or the CMS keeps it (AsyncLocalStorage); config imports no framework. */
let localeSource: () => Locale | undefined = () => undefined;
/** A language fixed for one synchronous call (a form's schema built in English), over the request's. */
let fixedLocale: Locale | undefined;

/** Tells t() where to read the language of the request being answered; unset, every text is zh-CN. */
export function setLocaleSource(source: () => Locale | undefined): void {
  localeSource = source;
}

/** The language t() answers in now: a fixed one, else the request's, else zh-CN. */
export const activeLocale = (): Locale => fixedLocale ?? localeSource() ?? DEFAULT_LOCALE;

/** Runs `make` (synchronous) with t() in `locale`: a zod schema bakes its messages in when built. */
export function withLocale<T>(locale: Locale, make: () => T): T {
  const before = fixedLocale;
  fixedLocale = locale;
  try {
    return make();
  } finally {
    fixedLocale = before;
  }
}

/** A t() bound to one language, whatever the request's: a mail in the application's language. */
export const translator =
  (locale: Locale) =>
  <K extends MessageKey>(key: K, ...params: ParamsArgument<K>): string =>
    translate(CATALOGS[locale], key, params[0]);

/** The text of `key` in the active language (zh-CN unless a request asks otherwise), its placeholders filled: `t('field.required', { label: '手机号码' })`. */
export const t = <K extends MessageKey>(key: K, ...params: ParamsArgument<K>): string =>
  translate(CATALOGS[activeLocale()], key, params[0]);

/** Keys whose text holds markup (a link inside a sentence): their last part ends in `Html`. */
export type HtmlMessageKey = Extract<MessageKey, `${string}Html`>;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string | number) => String(value).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/**
 * The text of an `…Html` key for `set:html`, in the active language: the markup is ours (zh-CN.ts, en.ts), every value put into it
 * is escaped. A sentence keeps its link inside it, so a translation can move the link with the words.
 */
export function tHtml<K extends HtmlMessageKey>(key: K, ...params: ParamsArgument<K>): string {
  const values = params[0] as Record<string, string | number> | undefined;
  return translate(
    CATALOGS[activeLocale()],
    key,
    values && Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeHtml(value)])),
  );
}

/** The key set as a schema (as starlight's i18n schema): a language file parses against it, nothing missing or extra. */
export const messagesSchema = z.strictObject(
  Object.fromEntries(Object.keys(zhCN).map((key) => [key, z.string().min(1)])) as Record<MessageKey, z.ZodString>,
);
