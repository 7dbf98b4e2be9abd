/**
 * The Content Manager's list draws a column named `status` as Strapi's draft/publish badge and
 * asks react-intl for `content-manager.containers.List.<value>` (@strapi/content-manager
 * pages/EditView/components/DocumentStatus.tsx). Our types keep their workflow state under that
 * name (the server puts it back: src/middlewares/own-status-in-lists.ts), so each value needs its
 * words there: 等待实验室审批, not "Awaiting_review".
 */
export const documentStatusTranslations = (labels: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).map(([value, label]) => [`content-manager.containers.List.${value}`, label]));
