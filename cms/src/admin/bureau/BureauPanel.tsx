import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { formatTime, useOpenFile } from '../review/api';
import {
  AGENCY_MODEL,
  type AgencyRecord,
  agencyPath,
  type BureauEvent,
  STATISTICIAN_MODEL,
  type StatisticianRecord,
  statisticianPath,
  useBureauRecord,
} from './api';

const DOCUMENT_LABELS: Record<string, string> = { businessLicence: '营业执照', legalPersonCertificate: '法定代表人证明书' };
const documentLabel = (purpose: string) => DOCUMENT_LABELS[purpose] ?? `委托书 ${Number(purpose.split('.')[1] ?? 0) + 1}`;
const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function History({ events }: { events: BureauEvent[] }) {
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600">
        记录
      </Typography>
      <ol style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="bureau-history">
        {events.map((event) => (
          <li key={`${event.at}-${event.action}`} style={{ marginTop: 8 }}>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {formatTime(event.at)} · {event.actor}
            </Typography>
            <Typography tag="p">
              {event.actionLabel} → {event.toLabel}
            </Typography>
            {event.reason && <Typography tag="p">理由：{event.reason}</Typography>}
            {Object.entries(event.changes ?? {}).map(([name, change]) => (
              <Typography key={name} tag="p" variant="pi">
                {name}：{show(change.from)} → {show(change.to)}
              </Typography>
            ))}
          </li>
        ))}
      </ol>
    </Box>
  );
}

function AgencyContent({ no }: { no: string }) {
  const { record, error } = useBureauRecord<AgencyRecord>(agencyPath(no));
  const open = useOpenFile();
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record) return <Typography textColor="neutral600">正在加载…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          当前状态
        </Typography>
        <Typography tag="p" fontWeight="bold">
          {record.agency.statusLabel}
        </Typography>
        {record.agency.reviewReason && <Typography tag="p">理由：{record.agency.reviewReason}</Typography>}
        {record.agency.effectiveDate && <Typography tag="p">委托生效日期：{record.agency.effectiveDate}</Typography>}
      </Box>
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          登记材料
        </Typography>
        {record.documents.map((d) => (
          <Box key={d.purpose} paddingTop={1}>
            <Button variant="tertiary" size="S" onClick={() => open(`${agencyPath(no)}/documents/${d.purpose}`)}>
              {documentLabel(d.purpose)}：{d.fileName}
            </Button>
          </Box>
        ))}
      </Box>
      <History events={record.history} />
    </Flex>
  );
}

function StatisticianContent({ no }: { no: string }) {
  const { record, error } = useBureauRecord<StatisticianRecord>(statisticianPath(no));
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record) return <Typography textColor="neutral600">正在加载…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          注册表状态
        </Typography>
        <Typography tag="p" fontWeight="bold">
          {record.registration.stateLabel}
        </Typography>
        <Typography tag="p" variant="pi" textColor="neutral600">
          代为修改：直接在本页修改后保存，修改内容和修改人会记入下方记录。
        </Typography>
      </Box>
      <History events={record.history} />
    </Flex>
  );
}

/** The edit view's side panel for agencies and registrations: state, documents, whole history. */
export const BureauPanel: PanelComponent = ({ model, document }) => {
  const no = (document as { registrationNo?: string } | undefined)?.registrationNo;
  if (!no) return null;
  if (model === AGENCY_MODEL) return { title: '审核', content: <AgencyContent no={no} /> };
  if (model === STATISTICIAN_MODEL) return { title: '注册表', content: <StatisticianContent no={no} /> };
  return null;
};
