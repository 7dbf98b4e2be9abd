import { Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

interface TimelineProps<T> {
  testId: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  /** The small grey line above each item: when, and who or what. */
  captionOf: (item: T) => string;
  children: (item: T) => ReactNode;
}

/** A dated list of the side panel, oldest first: the review history, the mail to the applicant. */
export function Timeline<T>({ testId, items, keyOf, captionOf, children }: TimelineProps<T>) {
  return (
    <ol style={{ margin: 0, paddingLeft: '1.2em' }} data-testid={testId}>
      {items.map((item) => (
        <li key={keyOf(item)} style={{ marginTop: 8 }}>
          <Typography tag="p" variant="pi" textColor="neutral600">
            {captionOf(item)}
          </Typography>
          {children(item)}
        </li>
      ))}
    </ol>
  );
}
