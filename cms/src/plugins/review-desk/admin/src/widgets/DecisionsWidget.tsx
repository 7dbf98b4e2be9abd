import { Flex, Typography } from '@strapi/design-system';
import { Figure } from './Figure';
import { useOverview } from './useOverview';

/** Home widget: decisions this week, median days to a decision, and whether mail is on. */
export default function DecisionsWidget() {
  const { overview, failed } = useOverview();
  if (failed) return <Typography textColor="neutral600">您的角色不审核申请</Typography>;
  if (!overview) return <Typography textColor="neutral600">正在加载…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex wrap="wrap" gap={2}>
        <Figure label="本周审核决定" value={String(overview.decisionsThisWeek)} />
        <Figure
          label="审核用时中位数（近90天）"
          value={overview.medianDaysToDecision === null ? '—' : `${overview.medianDaysToDecision} 天`}
        />
      </Flex>
      <Typography textColor={overview.mailEnabled ? 'success600' : 'warning600'} data-testid="mail-status">
        {overview.mailEnabled ? '邮件通知已开启' : '邮件通知未开启：未配置 SMTP，申请人只能在查询页面看到结果'}
      </Typography>
    </Flex>
  );
}
