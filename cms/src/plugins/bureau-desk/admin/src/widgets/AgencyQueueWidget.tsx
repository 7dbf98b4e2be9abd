import { type AgencyQueues, endpoints } from '@statdesk/config/contract';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useDeskRecord } from '../../../../../admin/shared/api';

/** The Content Manager's agency list filtered to one status: the queue itself. */
const listOf = (status: string) =>
  `/admin/content-manager/collection-types/api::agency.agency?filters[$and][0][status][$eq]=${status}&page=1&sort=submittedAt:ASC`;

/** Home widget of the county, city and province officers: the agency registrations waiting for them (seeds/004 §七). */
export default function AgencyQueueWidget() {
  const { record: queues, error } = useDeskRecord<AgencyQueues>(endpoints.bureauAgencyQueues.path);
  if (error) return <Typography textColor="danger600">待办暂时无法读取，请刷新页面重试</Typography>;
  if (!queues) return <Typography textColor="neutral600">正在加载…</Typography>;
  if (queues.unassignedMessage) return <Typography textColor="neutral600">{queues.unassignedMessage}</Typography>;
  if (queues.queues.length === 0) return <Typography textColor="neutral600">您的角色不审批代理机构</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {queues.queues.map((queue) => (
        <Box key={queue.level} data-testid={`agency-queue-${queue.level}`}>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {queue.statusLabel}
          </Typography>
          <Typography variant="alpha" tag="p" data-testid={`agency-queue-${queue.level}-count`}>
            {queue.count} 家
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {queue.oldestWaitingDays === null ? '没有等待的登记' : `最久已等待 ${queue.oldestWaitingDays} 天`}
          </Typography>
          {queue.count > 0 && <Link href={listOf(queue.status)}>打开待审列表</Link>}
        </Box>
      ))}
    </Flex>
  );
}
