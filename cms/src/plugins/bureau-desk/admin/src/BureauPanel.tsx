import { agencyDocuments, agencyListUploads, describeChanges, type Field, statisticianForm } from '@statdesk/config';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { formatTime, messageOf, useDeskRecord, useOpenFile } from '../../../../admin/shared/api';
import {
  AGENCY_MODEL,
  type AgencyRecord,
  agencyPath,
  type BureauEvent,
  STATISTICIAN_MODEL,
  type StatisticianRecord,
  statisticianPath,
} from './api';

const DOCUMENT_LABELS: Record<string, string> = Object.fromEntries(
  [...agencyDocuments, ...Object.values(agencyListUploads)].map((d) => [d.name, d.label]),
);
/** Stored values of fields the form does not ask, as the bureau reads them (schema.json). */
const VALUE_LABELS: Record<string, string> = { male: '男', female: '女', true: '是', false: '否' };

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="sigma" textColor="neutral600">
      {children}
    </Typography>
  );
}

/**
 * Who did what and when; an edit lists each changed field, named as the form names it, a list of
 * rows row by row and a choice by its label (personal fields without values).
 */
function History({
  events,
  fields = [],
  labels = {},
}: {
  events: BureauEvent[];
  fields?: readonly Field[];
  labels?: Record<string, string>;
}) {
  return (
    <Box>
      <Heading>记录</Heading>
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
            {describeChanges(event.changes, fields, labels, VALUE_LABELS).map((line) => (
              <Typography key={line} tag="p" variant="pi">
                {line}
              </Typography>
            ))}
          </li>
        ))}
      </ol>
    </Box>
  );
}

/** What each level decided last, who and why: the city reads the county's, the province both (seeds/004 §七). */
function Decisions({ decisions }: { decisions: AgencyRecord['decisions'] }) {
  if (decisions.length === 0) return null;
  return (
    <Box>
      <Heading>各级审核意见</Heading>
      <ol style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="agency-decisions">
        {decisions.map((decision) => (
          <li key={decision.level} style={{ marginTop: 8 }}>
            <Typography tag="p" fontWeight="bold">
              {decision.levelLabel}：{decision.actionLabel}
            </Typography>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {formatTime(decision.at)} · {decision.actor}
            </Typography>
            {decision.reason && <Typography tag="p">理由：{decision.reason}</Typography>}
          </li>
        ))}
      </ol>
    </Box>
  );
}

/** Each delegating enterprise beside its stamped letter, as the form listed them (seeds/004 §七). */
function Delegators({ no, record }: { no: string; record: AgencyRecord }) {
  const open = useOpenFile();
  const letters = new Map(record.documents.map((d) => [d.purpose, d.fileName]));
  return (
    <Box>
      <Heading>{`委托企业（${record.agency.delegators.length}）`}</Heading>
      <ol style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="agency-delegators">
        {record.agency.delegators.map((enterprise) => (
          <li key={enterprise.code} style={{ marginTop: 8 }}>
            <Typography tag="p">{enterprise.name}</Typography>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {enterprise.code}
              {enterprise.listed && ' · 委托企业清单'}
            </Typography>
            {!enterprise.known && (
              <Typography tag="p" textColor="warning600">
                不在报表单位名录中，请核实法人代码
              </Typography>
            )}
            {letters.has(enterprise.letter) ? (
              <Button variant="tertiary" size="S" onClick={() => open(`${agencyPath(no)}/documents/${enterprise.letter}`)}>
                委托书：{letters.get(enterprise.letter)}
              </Button>
            ) : (
              <Typography textColor="danger600">未上传委托书</Typography>
            )}
          </li>
        ))}
      </ol>
    </Box>
  );
}

/**
 * What the checks found in the agency's list (seeds/004 §七: 清单电子文本): its codes and
 * duplicates were checked on submission, so what is left for the reviewer is the enterprises the
 * master data (报表单位) does not know.
 */
function ListFlags({ delegators }: { delegators: AgencyRecord['agency']['delegators'] }) {
  const listed = delegators.filter((d) => d.listed);
  const unknown = listed.filter((d) => !d.known).length;
  return (
    <Typography tag="p" variant="pi" textColor={unknown > 0 ? 'warning600' : 'neutral600'} data-testid="agency-list-flags">
      {`清单列出 ${listed.length} 家企业，法人代码均已通过校验、无重复；`}
      {unknown > 0 ? `其中 ${unknown} 家不在报表单位名录中，请核实` : '均在报表单位名录中'}
    </Typography>
  );
}

function AgencyContent({ no }: { no: string }) {
  const { record, error } = useDeskRecord<AgencyRecord>(agencyPath(no));
  const open = useOpenFile();
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record) return <Typography textColor="neutral600">正在加载…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Box>
        <Heading>当前状态</Heading>
        <Typography tag="p" fontWeight="bold">
          {record.agency.statusLabel}
        </Typography>
        {record.agency.reviewReason && <Typography tag="p">理由：{record.agency.reviewReason}</Typography>}
        {record.agency.effectiveDate && <Typography tag="p">委托生效日期：{record.agency.effectiveDate}</Typography>}
      </Box>
      <Box>
        <Heading>所在县（市、区）</Heading>
        <Typography tag="p">
          {record.agency.countyName}（{record.agency.countyCode}）
        </Typography>
      </Box>
      <Box>
        <Heading>登记材料</Heading>
        {record.documents
          .filter((d) => d.purpose in DOCUMENT_LABELS)
          .map((d) => (
            <Box key={d.purpose} paddingTop={1}>
              {/* The list is a spreadsheet: downloaded to open in Excel, where the scans open in a tab. */}
              <Button
                variant="tertiary"
                size="S"
                onClick={() => open(`${agencyPath(no)}/documents/${d.purpose}`, d.purpose === agencyListUploads.list.name)}
              >
                {DOCUMENT_LABELS[d.purpose]}：{d.fileName}
              </Button>
              {d.purpose === agencyListUploads.list.name && <ListFlags delegators={record.agency.delegators} />}
            </Box>
          ))}
      </Box>
      <Decisions decisions={record.decisions} />
      <Delegators no={no} record={record} />
      <History events={record.history} />
    </Flex>
  );
}

interface Unit {
  code: string;
  name: string;
  verified: boolean;
}

/**
 * The service units with their verification (seeds/004 §十: only verified units open the gate). A
 * unit typed by hand waits for 核实, after the bureau has checked with the enterprise; the
 * history records who confirmed it.
 */
function ServiceUnits({ no, units, canManage }: { no: string; units: Unit[]; canManage: boolean }) {
  const { post } = useFetchClient();
  const [error, setError] = useState<string | null>(null);
  const confirm = async (code: string) => {
    try {
      await post(`${statisticianPath(no)}/units/${code}/confirm`, {});
      window.location.reload();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <Box>
      <Heading>{`统计服务单位（${units.length}）`}</Heading>
      {error && (
        <Typography tag="p" textColor="danger600" role="alert">
          {error}
        </Typography>
      )}
      <ol style={{ margin: 0, paddingLeft: '1.2em' }} data-testid="statistician-units">
        {units.map((unit) => (
          <li key={unit.code} style={{ marginTop: 8 }} data-unit={unit.code}>
            <Typography tag="p">{unit.name}</Typography>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {unit.code}
            </Typography>
            {unit.verified ? (
              <Typography tag="p" textColor="success600">
                已核实
              </Typography>
            ) : (
              <Flex gap={2}>
                <Typography tag="p" textColor="danger600" fontWeight="bold">
                  待统计局核实（未核实的单位不能报表）
                </Typography>
                {canManage && (
                  <Button variant="secondary" size="S" onClick={() => void confirm(unit.code)}>
                    核实
                  </Button>
                )}
              </Flex>
            )}
          </li>
        ))}
      </ol>
    </Box>
  );
}

function StatisticianContent({ no, version }: { no: string; version: unknown }) {
  const { record, error } = useDeskRecord<StatisticianRecord>(statisticianPath(no), version);
  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!record) return <Typography textColor="neutral600">正在加载…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Box>
        <Heading>注册表状态</Heading>
        <Typography tag="p" fontWeight="bold">
          {record.registration.stateLabel}
        </Typography>
        {record.readOnlyReason ? (
          <Typography tag="p" textColor="danger600" data-testid="registration-read-only">
            {record.readOnlyReason}
          </Typography>
        ) : (
          <Typography tag="p" variant="pi" textColor="neutral600">
            代为修改：直接在本页修改后保存，修改内容和修改人会记入下方记录。
          </Typography>
        )}
      </Box>
      {Array.isArray(record.registration.serviceUnits) && (
        <ServiceUnits
          no={no}
          units={record.registration.serviceUnits as Unit[]}
          canManage={record.canManage && record.registration.state !== 'removed'}
        />
      )}
      <History events={record.history} fields={statisticianForm.fields} labels={record.fieldLabels} />
    </Flex>
  );
}

/** The edit view's side panel for agencies and registrations: state, documents, whole history. */
export const BureauPanel: PanelComponent = ({ model, document }) => {
  const { registrationNo: no, updatedAt } = (document ?? {}) as { registrationNo?: string; updatedAt?: string };
  if (!no) return null;
  if (model === AGENCY_MODEL) return { title: '审核', content: <AgencyContent no={no} /> };
  if (model === STATISTICIAN_MODEL) return { title: '注册表', content: <StatisticianContent no={no} version={updatedAt} /> };
  return null;
};
