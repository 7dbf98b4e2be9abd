import { Box, Typography } from '@strapi/design-system';

/**
 * A new query password in an ActionForm's answer, shown once: it is stored only as a hash, so
 * neither the officer nor the reviewer can see it again (seeds/004 §十三, seeds/000 §3.4).
 */
export const NewPassword = (data: unknown) => (
  <Box>
    <Typography tag="p">新的查询密码（只显示这一次，请告知本人；关闭后无法再查看）：</Typography>
    <Typography tag="p" fontWeight="bold" data-testid="new-query-password">
      {(data as { queryPassword?: string }).queryPassword}
    </Typography>
  </Box>
);
