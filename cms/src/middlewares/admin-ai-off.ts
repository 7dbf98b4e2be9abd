import type { Core } from '@strapi/strapi';

/**
 * With Strapi AI off (config/admin.ts `ai.enabled: false`) the admin still asks, on every edit
 * view, whether AI features are configured (@strapi/content-manager hooks/useDocumentActions.ts)
 * and whether an AI translation job runs (@strapi/i18n components/CMHeaderActions.tsx); the
 * server answers both with a 404, which the browser logs as an error on every page. Those 404s
 * mean "AI is off": this answers what the same services say when nothing is configured
 * (@strapi/admin server/src/ai/services/ai.ts getAiFeatureConfig). Authentication still runs
 * first, so a caller without a session keeps its 401.
 */
const ANSWERS: ReadonlyArray<{ path: RegExp; body: unknown }> = [
  { path: /^\/admin\/ai-feature-config$/, body: { data: { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false } } },
  { path: /^\/i18n\/ai-localization-jobs\//, body: { data: null } },
];

interface Ctx {
  path: string;
  method: string;
  status: number;
  body: unknown;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const isAiOff = strapi.config.get('admin.ai.enabled', true) !== true;
  return async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    await next();
    if (!isAiOff || ctx.method !== 'GET' || ctx.status !== 404) return;
    const answer = ANSWERS.find(({ path }) => path.test(ctx.path));
    if (!answer) return;
    ctx.status = 200;
    ctx.body = answer.body;
  };
};
