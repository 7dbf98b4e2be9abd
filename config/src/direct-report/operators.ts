import { z } from 'zod';
import { t } from '../i18n/messages.ts';
import { validated } from './calendar.ts';
import { canonicalIp } from './ip.ts';

/**
 * Who, besides the enterprise itself, logs in with an enterprise's account (seeds/004 §六: 乡镇统计站,
 * 主管部门, 统计局 and agencies "用企业账号登录"). The values are prefixed so that they cannot be
 * taken for another stored value of the same word in the admin's enumeration labels.
 */
export const operatorCauses = ['township_station', 'supervising_department', 'bureau_office', 'agent_agency', 'other_operator'] as const;
export type OperatorCause = (typeof operatorCauses)[number];
export const operatorCauseLabels: Record<OperatorCause, string> = {
  township_station: '乡镇统计站',
  supervising_department: '主管部门',
  bureau_office: '统计局',
  agent_agency: '统计代理机构',
  other_operator: '其他已知单位',
};

/** A known operator address as the bureau lists it: one IP, or a CIDR range, with a label. */
export interface OperatorAddress {
  network: string;
  label: string;
  cause: OperatorCause;
}

interface Bits {
  family: 4 | 6;
  value: bigint;
}

const WIDTH = { 4: 32, 6: 128 } as const;

/** An address as a number of its family's width (the canonical text form of ip.ts in, nothing else). */
function bitsOf(ip: string): Bits {
  if (!ip.includes(':')) return { family: 4, value: ip.split('.').reduce((n, octet) => (n << 8n) | BigInt(octet), 0n) };
  const [head = '', tail] = ip.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => BigInt(Number.parseInt(g, 16))) : []);
  const front = groups(head);
  const back = groups(tail);
  const all = [...front, ...Array<bigint>(8 - front.length - back.length).fill(0n), ...back];
  return { family: 6, value: all.reduce((n, group) => (n << 16n) | group, 0n) };
}

const maskOf = (family: 4 | 6, prefix: number) => ((1n << BigInt(prefix)) - 1n) << BigInt(WIDTH[family] - prefix);

export type NetworkParse = { ok: true; value: string } | { ok: false; message: string };

/**
 * An IP or CIDR range as typed, in one text form (ip.ts's canonical address, `/prefix` only for a
 * range). A range whose address has host bits set is refused with its start address, as
 * PostgreSQL's `cidr` refuses it: "10.1.2.5/24" is most likely a typo for one of two meanings.
 */
export function parseNetwork(text: string): NetworkParse {
  const [address = '', prefixText, extra] = text.trim().split('/');
  const ip = canonicalIp(address);
  if (!ip || extra !== undefined) return { ok: false, message: t('directReport.operator.network') };
  if (prefixText === undefined) return { ok: true, value: ip };
  const { family, value } = bitsOf(ip);
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= WIDTH[family]))
    return { ok: false, message: t('directReport.operator.prefix', { max: String(WIDTH[family]) }) };
  if (prefix === WIDTH[family]) return { ok: true, value: ip };
  const start = value & maskOf(family, prefix);
  if (start !== value) return { ok: false, message: t('directReport.operator.hostBits', { start: `${textOf(family, start)}/${prefix}` }) };
  return { ok: true, value: `${ip}/${prefix}` };
}

function textOf(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return canonicalIp(groups.join(':')) ?? groups.join(':');
}

interface Range {
  family: 4 | 6;
  prefix: number;
  start: bigint;
  address: OperatorAddress;
}

const rangeOf = (address: OperatorAddress): Range => {
  const [ip = '', prefixText] = address.network.split('/');
  const { family, value } = bitsOf(ip);
  return { family, prefix: prefixText === undefined ? WIDTH[family] : Number(prefixText), start: value, address };
};

/**
 * A lookup of the known address an IP falls in: the most specific one when ranges overlap (a
 * 统计局 office's /28 inside its city's /16 of 乡镇统计站 names the office). The list is short and
 * the report asks only for its shared IPs, so a scan per IP is enough.
 */
export function operatorLookup(addresses: readonly OperatorAddress[]): (ip: string) => OperatorAddress | null {
  const ranges = addresses.map(rangeOf).sort((a, b) => b.prefix - a.prefix);
  return (ip) => {
    const canonical = canonicalIp(ip);
    if (!canonical) return null;
    const { family, value } = bitsOf(canonical);
    const hit = ranges.find((r) => r.family === family && (value & maskOf(family, r.prefix)) === r.start);
    return hit?.address ?? null;
  };
}

/** A known address as the bureau's systems write it with an API token: stored by its network. */
export const operatorAddressInputSchema = z
  .object({
    network: validated(parseNetwork),
    label: z
      .string({ error: t('directReport.operator.label') })
      .trim()
      .min(1, t('directReport.operator.label'))
      .max(100, t('directReport.operator.label')),
    cause: z.enum(operatorCauses, { error: t('directReport.operator.cause') }),
  })
  .strict();
export type OperatorAddressInput = z.infer<typeof operatorAddressInputSchema>;
