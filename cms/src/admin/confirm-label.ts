/**
 * The label of a dialog's confirming button: "确认" before the action's own name (确认不通过,
 * 确认开放注册表), unless the name already starts with it: the province's 确认生效 read
 * "确认确认生效".
 */
export const confirmLabel = (action: string): string => (action.startsWith('确认') ? action : `确认${action}`);
