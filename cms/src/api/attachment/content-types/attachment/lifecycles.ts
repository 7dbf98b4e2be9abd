import { agencyListUploads, delegatorListTypes } from '@statdesk/config';

const listTypes: ReadonlySet<string> = new Set(Object.values(delegatorListTypes));

/**
 * Spreadsheets are attachments only as an agency's 委托企业清单 (seeds/004 §七): every other
 * document is a scan, and a row saying otherwise is a mistake in the code that writes it.
 */
function refuseListTypeElsewhere(data: { mime?: unknown; purpose?: unknown } | undefined) {
  if (data && listTypes.has(String(data.mime)) && data.purpose !== agencyListUploads.list.name)
    throw new Error(`An attachment of type ${String(data.mime)} must have the purpose ${agencyListUploads.list.name}`);
}

export default {
  beforeCreate(event: { params: { data?: { mime?: unknown; purpose?: unknown } } }) {
    refuseListTypeElsewhere(event.params.data);
  },
  beforeUpdate(event: { params: { data?: { mime?: unknown; purpose?: unknown } } }) {
    refuseListTypeElsewhere(event.params.data);
  },
};
