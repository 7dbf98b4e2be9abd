import { registrationStateLabels } from '@statdesk/config';
import { Badge } from '@strapi/design-system';
import { STATISTICIAN_MODEL } from './api';

interface Header {
  name: string;
  label: unknown;
  sortable?: boolean;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => unknown;
}

const STATUS_LABELS: Record<string, string> = { active: '有效', removed: registrationStateLabels.removed };

/**
 * A statistician's own `status` (有效 / 已注销) as a list column. The Content Manager draws any
 * column named `status` as its draft/publish badge, so ours goes under another name, with its
 * label and a formatter that read our value; the filter on `status` is the list's own.
 */
export function showRegistrationStatus<T extends { displayedHeaders: Header[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      header.name === 'status' && header.attribute?.type === 'enumeration'
        ? {
            ...header,
            name: 'registrationStatus',
            label: { id: `content-manager.content-types.${STATISTICIAN_MODEL}.status`, defaultMessage: '注销状态' },
            sortable: false,
            cellFormatter: (row: Record<string, unknown>) => {
              const status = String(row.status ?? '');
              return (
                <Badge active={status !== 'removed'} data-testid="registration-status">
                  {STATUS_LABELS[status] ?? status}
                </Badge>
              );
            },
          }
        : header,
    ),
  };
}
