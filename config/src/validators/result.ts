/** Outcome of a validator: either the normalised value or a zh-CN message for the person. */
export type ValidationResult<T = string> = { ok: true; value: T } | { ok: false; message: string };

export const accept = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
export const refuse = (message: string): ValidationResult<never> => ({ ok: false, message });
