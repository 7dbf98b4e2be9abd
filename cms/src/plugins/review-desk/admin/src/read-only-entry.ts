import type {
  DocumentActionComponent,
  DocumentActionProps,
  PanelComponent,
  PanelComponentProps,
} from '@strapi/content-manager/strapi-admin';
import { useDocumentRBAC } from '@strapi/content-manager/strapi-admin';
import { isSubmissionModel } from './api';

/** A submission whose fields this role may only read (a reviewer's): its decisions are in the 审核 panel. */
const useReadOnlySubmission = (model: string) => {
  const canUpdate = useDocumentRBAC('ReviewDeskReadOnly', ({ canUpdate }) => canUpdate);
  return isSubmissionModel(model) && !canUpdate;
};

/** The same action or panel, gone from a read-only submission (its hooks still run: the rules of hooks). */
function goneWhenReadOnly<P extends { model: string }, C extends { (props: P): unknown; type?: unknown }>(Component: C): C {
  const Hidden = (props: P) => {
    const readOnly = useReadOnlySubmission(props.model);
    const description = Component(props);
    return readOnly ? null : description;
  };
  return Object.assign(Hidden, { type: Component.type }) as unknown as C;
}

/**
 * Strapi's 保存 stays, greyed out, on an edit view whose fields the role may only read. On a
 * submission it goes when the role may not update.
 */
export const withoutReadOnlySave = (actions: DocumentActionComponent[]): DocumentActionComponent[] =>
  actions.map((Action) => (Action.type === 'update' ? goneWhenReadOnly<DocumentActionProps, DocumentActionComponent>(Action) : Action));

/** Without 保存, Strapi's 条目 panel (its document actions) would stand empty above ours. */
export const withoutEmptyEntryPanel = (panels: PanelComponent[]): PanelComponent[] =>
  panels.map((Panel) => (Panel.type === 'actions' ? goneWhenReadOnly<PanelComponentProps, PanelComponent>(Panel) : Panel));
