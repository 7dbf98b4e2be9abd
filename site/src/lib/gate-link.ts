import type { AstroGlobal } from 'astro';
import { type GateLinkView, readGateLink } from './cms/statisticians';

/**
 * The gate link a page was opened with (`?gate=`, seeds/004 §十: the platform sends the person of
 * an enterprise without a registered statistician here): what it names, or why it cannot be used.
 */
export async function gateLinkOf(
  Astro: Pick<AstroGlobal, 'url'>,
): Promise<{ token: string; link: GateLinkView } | { token: string; problem: string } | undefined> {
  const token = Astro.url.searchParams.get('gate');
  if (!token) return undefined;
  const answer = await readGateLink(token);
  if (answer.ok) return { token, link: answer.data };
  return { token, problem: Object.values(answer.fields)[0] ?? answer.message };
}
