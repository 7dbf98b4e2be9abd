import { Flex, Typography } from '@strapi/design-system';
import { Figure } from './Figure';
import { useOverview } from './useOverview';

/** Home widget: submissions waiting per kind and how long the oldest has waited. */
export default function WaitingWidget() {
  const { overview, failed } = useOverview();
  if (failed) return <Typography textColor="neutral600">您的角色不审核申请</Typography>;
  if (!overview) return <Typography textColor="neutral600">正在加载…</Typography>;
  return (
    <Flex wrap="wrap" gap={2}>
      {overview.waiting.map((w) => (
        <Figure key={w.kind} label={`${w.noun} 待审核`} value={String(w.count)} testId={`waiting-${w.kind}`} />
      ))}
      <Figure label="最久已等待" value={overview.oldestWaitingDays === null ? '—' : `${overview.oldestWaitingDays} 天`} />
    </Flex>
  );
}
