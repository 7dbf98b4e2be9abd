import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { t } from '@statdesk/config';
import Handlebars from 'handlebars';

/** config/templates: one Handlebars print template per form, plus shared partials. */
export const TEMPLATE_DIR = join(dirname(require.resolve('@statdesk/config/package.json')), 'templates');

/** Refuses a template that would not compile or would print unescaped user data. */
export function checkTemplate(source: string): { ok: true } | { ok: false; message: string } {
  if (/\{\{\{|\{\{&/.test(source)) return { ok: false, message: t('template.tripleStash') };
  try {
    Handlebars.precompile(source, { strict: false });
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: t('template.syntax', { detail: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) }),
    };
  }
}

let engine: typeof Handlebars | undefined;

/** A Handlebars environment with the shared partials registered, built once. */
function getEngine(): typeof Handlebars {
  if (engine) return engine;
  const env = Handlebars.create();
  const partials = join(TEMPLATE_DIR, 'partials');
  for (const file of readdirSync(partials)) {
    if (file.endsWith('.hbs')) env.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partials, file), 'utf8'));
  }
  engine = env;
  return env;
}

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export const defaultTemplateSource = (formId: string): string => readFileSync(join(TEMPLATE_DIR, `${formId}.hbs`), 'utf8');

/** Renders a form's print template (the admin's override when given). User data is always escaped. */
export function renderTemplate(formId: string, view: object, override?: string): string {
  const source = override ?? defaultTemplateSource(formId);
  const key = override ? `override:${source}` : formId;
  let template = compiled.get(key);
  if (!template) {
    template = getEngine().compile(source, { noEscape: false, strict: false });
    // Overrides change rarely; a small cache keeps previews from growing it without bound.
    if (compiled.size > 50) compiled.clear();
    compiled.set(key, template);
  }
  return template(view);
}
