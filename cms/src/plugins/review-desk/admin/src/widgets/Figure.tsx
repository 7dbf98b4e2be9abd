import { Box, Typography } from '@strapi/design-system';

/** One figure of a home widget: a big number with its label. */
export const Figure = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <Box padding={2}>
    <Typography variant="pi" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p" data-testid={testId}>
      {value}
    </Typography>
  </Box>
);
