import type { AstroGlobal } from 'astro';
import { type RegistrationLinkView, readRegistrationLink } from './cms/statisticians';

/**
 * The colleague's link a page was opened with (`?invite=`, seeds/004 §十一: the enterprise's
 * 综合统计人员 assigned this registration form): what it names, or why it cannot be used.
 */
export async function registrationLinkOf(
  Astro: Pick<AstroGlobal, 'url'>,
): Promise<{ token: string; link: RegistrationLinkView } | { token: string; problem: string } | undefined> {
  const token = Astro.url.searchParams.get('invite');
  if (!token) return undefined;
  const answer = await readRegistrationLink(token);
  if (answer.ok) return { token, link: answer.data };
  return { token, problem: Object.values(answer.fields)[0] ?? answer.message };
}
