import { randomBytes } from 'node:crypto';
import { t } from '@statdesk/config';
import type { GateLink, RegistrationLink, RegistrationLinkView } from '@statdesk/config/contract';
import type { Core } from '@strapi/strapi';
import { siteOrigin } from '../../../lib/gate-link';
import { invalidFields, PublicError } from '../../../lib/http-errors';
import { lockRow } from '../../../lib/records';
import { signFor } from '../../../lib/signing';
import { inTransaction } from '../../../lib/transaction';
import { STATISTICIAN, type StatisticianEntry } from '../../statistician/services/registration';

const LINK = 'api::registration-link.registration-link';
/** A week: long enough for a colleague to find the time, short enough that a forwarded link dies. */
const LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Unused links one person may hold: an enterprise's statisticians, with room to spare. */
const MAX_UNUSED = 30;
const COLLEAGUE_MAX = 50;
export const INVITE_PATH = '/statisticians/register';

interface LinkEntry {
  id: number;
  documentId: string;
  createdByNo: string;
  colleague: string;
  enterpriseCode: string;
  enterpriseName: string;
  createdAt: string;
  expiresAt: string;
  usedByNo?: string | null;
  usedAt?: string | null;
  revokedAt?: string | null;
}
type LinkState = RegistrationLink['state'];

/**
 * Only the token's HMAC is stored (lib/signing, keyed with JWT_SECRET), so a copy of the table
 * opens no registration form; the token itself is 32 random bytes, shown once to its maker.
 */
const hashOf = (token: string) => signFor('registration-link', token);

const stateOf = (entry: LinkEntry, now: number): LinkState =>
  entry.revokedAt ? 'revoked' : entry.usedAt ? 'used' : Date.parse(entry.expiresAt) <= now ? 'expired' : 'unused';

/** Why a link cannot be used, on the field `inviteToken`: 404 when unknown, 410 once used, expired or revoked. */
function refusal(state: LinkState | 'unknown'): PublicError {
  const message = t(`statistician.link.${state === 'unused' ? 'unknown' : state}`);
  return state === 'unknown' || state === 'unused'
    ? new PublicError(404, 'NotFoundError', message, { inviteToken: message })
    : new PublicError(410, 'GoneError', message, { inviteToken: message });
}

/** The colleague's name and the enterprise chosen, checked field by field. */
function linkRequest(input: unknown): { colleague: string; enterpriseCode: string } {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const colleague = typeof body.colleague === 'string' ? body.colleague.trim() : '';
  const enterpriseCode = typeof body.enterpriseCode === 'string' ? body.enterpriseCode.trim().toUpperCase() : '';
  const fields: Record<string, string> = {
    ...(!colleague && { colleague: t('statistician.link.colleagueRequired') }),
    ...([...colleague].length > COLLEAGUE_MAX && { colleague: t('statistician.link.colleagueTooLong') }),
    ...(!enterpriseCode && { enterpriseCode: t('statistician.link.enterpriseRequired') }),
  };
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return { colleague, enterpriseCode };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registration = async (no: string) =>
    (await strapi.db.query(STATISTICIAN).findOne({ where: { registrationNo: no } })) as StatisticianEntry | null;

  /** The maker's links as the list shows them, newest first, naming who used each. */
  async function list(no: string, now = Date.now()): Promise<RegistrationLink[]> {
    const entries = (await strapi.db.query(LINK).findMany({ where: { createdByNo: no }, orderBy: { id: 'desc' } })) as LinkEntry[];
    const usedNos = entries.flatMap((e) => (e.usedByNo ? [e.usedByNo] : []));
    const users = usedNos.length
      ? ((await strapi.db
          .query(STATISTICIAN)
          .findMany({ where: { registrationNo: { $in: usedNos } }, select: ['registrationNo', 'name'] })) as Array<{
          registrationNo: string;
          name: string;
        }>)
      : [];
    return entries.map((e) => {
      const state = stateOf(e, now);
      const user = users.find((u) => u.registrationNo === e.usedByNo);
      const usedBy = e.usedByNo ? { registrationNo: e.usedByNo, name: user?.name ?? '' } : null;
      return {
        id: e.documentId,
        colleague: e.colleague,
        enterpriseCode: e.enterpriseCode,
        enterpriseName: e.enterpriseName,
        createdAt: new Date(e.createdAt).toISOString(),
        expiresAt: new Date(e.expiresAt).toISOString(),
        state,
        stateLabel: t(`statistician.link.state.${state}`, { name: usedBy?.name ?? '', no: usedBy?.registrationNo ?? '' }),
        usedBy,
        usedAt: e.usedAt ? new Date(e.usedAt).toISOString() : null,
        revokedAt: e.revokedAt ? new Date(e.revokedAt).toISOString() : null,
      };
    });
  }

  /**
   * An unused link by its token, refused otherwise; with `lock`, its row stays locked until the
   * surrounding transaction ends.
   */
  async function usable(token: unknown, lock = false): Promise<LinkEntry> {
    if (typeof token !== 'string' || !/^[\w-]{43}$/.test(token)) throw refusal('unknown');
    const where = { tokenHash: hashOf(token) };
    const entry = lock
      ? await lockRow<LinkEntry>(strapi, LINK, where)
      : ((await strapi.db.query(LINK).findOne({ where })) as LinkEntry | null);
    if (!entry) throw refusal('unknown');
    const state = stateOf(entry, Date.now());
    if (state !== 'unused') throw refusal(state);
    return entry;
  }

  return {
    list,

    /**
     * seeds/004 §十一: the 综合统计人员 of an enterprise assigns a registration form to a colleague.
     * Only for an enterprise among the maker's verified units where they are the 综合统计, so the
     * link carries the same proof of the enterprise as the gate's (lib/gate-link) to the colleague.
     */
    async create(no: string, input: unknown): Promise<{ link: GateLink; links: RegistrationLink[] }> {
      const { colleague, enterpriseCode } = linkRequest(input);
      const maker = await registration(no);
      if (!maker || maker.status === 'removed') throw new PublicError(409, 'ConflictError', t('statistician.link.removed'));
      const unit = maker.serviceUnits.find((u) => u.code === enterpriseCode && u.verified && u.role === 'comprehensive');
      if (!unit) throw invalidFields({ enterpriseCode: t('statistician.link.notComprehensive') });
      const now = new Date();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + LIFETIME_MS).toISOString();
      await inTransaction(strapi, async () => {
        // The maker's row queues two creations, so the cap holds.
        await lockRow(strapi, STATISTICIAN, { registrationNo: no });
        const unused = (await list(no, now.getTime())).filter((l) => l.state === 'unused').length;
        if (unused >= MAX_UNUSED) throw new PublicError(409, 'ConflictError', t('statistician.link.tooMany', { max: MAX_UNUSED }));
        await strapi.db.query(LINK).create({
          data: { tokenHash: hashOf(token), createdByNo: no, colleague, enterpriseCode, enterpriseName: unit.name, expiresAt },
        });
      });
      return { link: { url: `${siteOrigin()}${INVITE_PATH}?invite=${token}`, token, expiresAt }, links: await list(no) };
    },

    /** Revokes one of the maker's unused links; another person's link is as unknown as a made-up one. */
    async revoke(no: string, id: string): Promise<{ links: RegistrationLink[] }> {
      await inTransaction(strapi, async () => {
        const entry = await lockRow<LinkEntry>(strapi, LINK, { documentId: id });
        if (!entry || entry.createdByNo !== no) throw new PublicError(404, 'NotFoundError', t('statistician.link.notFound'));
        if (stateOf(entry, Date.now()) !== 'unused') throw new PublicError(409, 'ConflictError', t('statistician.link.notRevocable'));
        await strapi.db.query(LINK).update({ where: { id: entry.id }, data: { revokedAt: new Date().toISOString() } });
      });
      return { links: await list(no) };
    },

    /** What an unused link tells the colleague who opens it. */
    async describe(token: string): Promise<RegistrationLinkView> {
      const entry = await usable(token);
      const maker = await registration(entry.createdByNo);
      return {
        enterpriseCode: entry.enterpriseCode,
        enterpriseName: entry.enterpriseName,
        colleague: entry.colleague,
        invitedBy: maker?.name ?? '',
        expiresAt: new Date(entry.expiresAt).toISOString(),
      };
    },

    /** Checks a link before a registration through it: its enterprise and maker, or the refusal. */
    async peek(token: unknown): Promise<{ enterpriseCode: string; createdByNo: string }> {
      return usable(token);
    },

    /**
     * Marks the link used by a new registration. Called inside the registration's transaction: the
     * row stays locked until it commits, so a second registration through the same link waits and
     * then meets 410; if the registration fails, the link stays unused.
     */
    async claim(token: unknown, registrationNo: string): Promise<{ enterpriseCode: string; createdByNo: string }> {
      const entry = await usable(token, true);
      await strapi.db.query(LINK).update({ where: { id: entry.id }, data: { usedByNo: registrationNo, usedAt: new Date().toISOString() } });
      return entry;
    },
  };
};
