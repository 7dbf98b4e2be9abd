import { operatorAddressInputSchema, t } from '@statdesk/config';
import type { Core } from '@strapi/strapi';
import { parsedBatch, refuseRepeatedKeys } from '../../../lib/batch';
import { documentData } from '../../../lib/document-data';
import { operatorAddresses } from './operators';

const OPERATOR_ADDRESS = 'api::operator-address.operator-address';
/** A province's stations, offices and agencies fit many times over. */
const MAX_ADDRESSES = 10_000;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/direct-report/operator-addresses: every known address, by network. */
  list: () => operatorAddresses(strapi.db.connection),

  /** PUT /api/direct-report/operator-addresses: inserts or updates by network, all or nothing. */
  async upsert(input: unknown): Promise<{ received: number; created: number; updated: number }> {
    const addresses = parsedBatch(input, operatorAddressInputSchema, MAX_ADDRESSES);
    refuseRepeatedKeys(
      addresses,
      (a) => a.network,
      'network',
      (a) => t('directReport.operator.duplicate', { network: a.network }),
    );
    return strapi.db.transaction(async () => {
      const stored = (await strapi.db.query(OPERATOR_ADDRESS).findMany({
        where: { network: { $in: addresses.map((a) => a.network) } },
      })) as Array<{ documentId: string; network: string }>;
      const byNetwork = new Map(stored.map((row) => [row.network, row.documentId]));
      let created = 0;
      for (const address of addresses) {
        const data = documentData(OPERATOR_ADDRESS, address);
        const documentId = byNetwork.get(address.network);
        if (documentId) await strapi.documents(OPERATOR_ADDRESS).update({ documentId, data });
        else {
          await strapi.documents(OPERATOR_ADDRESS).create({ data });
          created += 1;
        }
      }
      return { received: addresses.length, created, updated: addresses.length - created };
    });
  },
});
