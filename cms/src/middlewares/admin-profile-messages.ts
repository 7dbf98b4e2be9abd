import { t } from '@statdesk/config';

/**
 * The profile page (PUT /admin/users/me) shows a ValidationError's messages next to their fields
 * as the server writes them, in English (@strapi/admin server validation/common-validators.ts),
 * and any other error through react-intl as `apiError.<message>`: a wrong current password came
 * back as the bare message "ValidationError" (@strapi/admin controllers/authenticated-user.ts), shown
 * as such with a MISSING_TRANSLATION error. Each message becomes zh-CN, and those two refusals
 * become ValidationErrors on their fields, so that the page puts them where staff look.
 */
const PROFILE_PATH = '/admin/users/me';

const MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/^Invalid credentials$/, t('admin.profile.currentPasswordWrong')],
  [/^Email already taken$/, t('admin.profile.emailTaken')],
  [/^currentPassword is a required field$/, t('admin.profile.currentPasswordRequired')],
  [/^password must be at least 8 characters$/, t('admin.profile.passwordTooShort')],
  [/^password must be less than 73 bytes$/, t('admin.profile.passwordTooLong')],
  [/^password must contain at least one lowercase character$/, t('admin.profile.passwordNeedsLowercase')],
  [/^password must contain at least one uppercase character$/, t('admin.profile.passwordNeedsUppercase')],
  [/^password must contain at least one number$/, t('admin.profile.passwordNeedsNumber')],
];

/** The zh-CN words of one of Strapi's profile messages; an unknown one passes unchanged. */
export const profileMessage = (message: string): string => MESSAGES.find(([english]) => english.test(message))?.[1] ?? message;

interface FieldError {
  path: string[];
  message: string;
  name: string;
}
interface ApiError {
  name?: string;
  message?: unknown;
  details?: unknown;
}

/** Strapi's field errors, either yup's `{ errors: [...] }` or the controller's `{ field: [messages] }`. */
function fieldErrorsOf(details: unknown): FieldError[] | undefined {
  if (!details || typeof details !== 'object') return undefined;
  if ('errors' in details && Array.isArray(details.errors)) return details.errors as FieldError[];
  const byField = Object.entries(details).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));
  if (byField.length === 0) return undefined;
  return byField.flatMap(([field, messages]) => messages.map((message) => ({ path: [field], message, name: 'ValidationError' })));
}

/** Rewrites the error of a refused profile update in place, as a zh-CN ValidationError. */
export function translateProfileError(error: ApiError): void {
  const fieldErrors = fieldErrorsOf(error.details);
  if (!fieldErrors) {
    if (typeof error.message === 'string') error.message = profileMessage(error.message);
    return;
  }
  const errors = fieldErrors.map((e) => ({ ...e, message: profileMessage(e.message) }));
  error.name = 'ValidationError';
  error.message = errors.map((e) => e.message).join('；');
  error.details = { errors };
}

interface Ctx {
  path: string;
  method: string;
  status: number;
  body: unknown;
}

export default () =>
  async (ctx: Ctx, next: () => Promise<void>): Promise<void> => {
    await next();
    if (ctx.status !== 400 || ctx.path !== PROFILE_PATH || ctx.method !== 'PUT') return;
    const error = (ctx.body as { error?: ApiError } | undefined)?.error;
    if (!error) return;
    const status = ctx.status;
    translateProfileError(error);
    ctx.status = status;
  };
