import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useDeskRecord } from '../../../../admin/shared/api';
import { STATISTICIAN_MODEL, type StatisticianRecord, statisticianPath } from './api';

/**
 * A registration the officer may not change (removed, or another region's) has no 保存 and no
 * action (bureau-actions.tsx): Strapi's 条目 panel would stand empty above the 注册表 panel.
 */
export function withoutEmptyEntryPanel(panels: PanelComponent[]): PanelComponent[] {
  return panels.map((Panel) => {
    if (Panel.type !== 'actions') return Panel;
    const Guarded: PanelComponent = (props) => {
      const description = Panel(props);
      const no =
        props.model === STATISTICIAN_MODEL ? (props.document as { registrationNo?: string } | undefined)?.registrationNo : undefined;
      const { record } = useDeskRecord<StatisticianRecord>(statisticianPath(no));
      return record?.readOnlyReason ? null : description;
    };
    Guarded.type = Panel.type;
    return Guarded;
  });
}
