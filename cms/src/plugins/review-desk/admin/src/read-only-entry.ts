import type {
  DocumentActionComponent,
  DocumentActionProps,
  PanelComponent,
  PanelComponentProps,
} from '@strapi/content-manager/strapi-admin';
import { useDocumentRBAC } from '@strapi/content-manager/strapi-admin';
import { isSubmissionModel } from './api';

/** Whether this role may only read the record on screen (a reviewer's submission, an officer's agency). */
const useReadOnly = () => !useDocumentRBAC('ReviewDeskReadOnly', ({ canUpdate }) => canUpdate);

/** The same action or panel, gone where `hidden` says (its hooks still run: the rules of hooks). */
function goneWhen<P extends { model: string }, C extends { (props: P): unknown; type?: unknown }>(
  Component: C,
  hidden: (readOnly: boolean, model: string) => boolean,
): C {
  const Hidden = (props: P) => {
    const readOnly = useReadOnly();
    const description = Component(props);
    return hidden(readOnly, props.model) ? null : description;
  };
  return Object.assign(Hidden, { type: Component.type }) as unknown as C;
}

/**
 * Strapi's 保存 stays, greyed out, on an edit view whose fields the role may only read: it goes
 * on every such record (a reviewer's submission, a county officer's agency).
 */
export const withoutReadOnlySave = (actions: DocumentActionComponent[]): DocumentActionComponent[] =>
  actions.map((Action) =>
    Action.type === 'update' ? goneWhen<DocumentActionProps, DocumentActionComponent>(Action, (readOnly) => readOnly) : Action,
  );

/**
 * Without 保存, Strapi's 条目 panel would stand empty above the 审核 panel on a submission. On an
 * agency it stays: the officer's decisions are its actions.
 */
export const withoutEmptyEntryPanel = (panels: PanelComponent[]): PanelComponent[] =>
  panels.map((Panel) =>
    Panel.type === 'actions'
      ? goneWhen<PanelComponentProps, PanelComponent>(Panel, (readOnly, model) => readOnly && isSubmissionModel(model))
      : Panel,
  );
