/** Header the error page sets when the CMS was unreachable; never sent to the browser. */
export const UNAVAILABLE_MARKER = 'x-statdesk-cms-unavailable';
