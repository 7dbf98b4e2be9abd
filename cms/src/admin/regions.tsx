import { regionName } from '@statdesk/config/regions';
import { Typography } from '@strapi/design-system';

/** List columns that hold a GB/T 2260 code: a bureau reads 成都市 武侯区, not 510107. */
const REGION_COLUMNS = new Set(['countyCode', 'cityCode']);

interface Header {
  name: string;
  cellFormatter?: (row: Record<string, unknown>) => unknown;
}

const regionCell = (code: unknown) => {
  const text = typeof code === 'string' ? code : '';
  return (
    <Typography textColor="neutral800" title={text}>
      {regionName(text) ?? text}
    </Typography>
  );
};

/** The Content Manager's list hook (`Admin/CM/pages/ListView/inject-column-in-table`). */
export function showRegionNames<T extends { displayedHeaders: Header[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      REGION_COLUMNS.has(header.name)
        ? { ...header, cellFormatter: (row: Record<string, unknown>) => regionCell(row[header.name]) }
        : header,
    ),
  };
}
