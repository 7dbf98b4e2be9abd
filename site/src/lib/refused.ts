/**
 * A request the site cannot act on because of what was sent (an unreadable form body, a URL with
 * characters no page takes, a form posted from another site). Thrown anywhere while a page is made; the error page (500.astro)
 * shows its message and the middleware answers with its status instead of 500.
 */
export class RequestRefused extends Error {
  readonly status: 400 | 403 | 415;

  constructor(status: 400 | 403 | 415, message: string) {
    super(message);
    this.name = 'RequestRefused';
    this.status = status;
  }
}

/** Header the error page sets to carry a RequestRefused's status to the middleware; never sent to the browser. */
export const REFUSED_STATUS_MARKER = 'x-statdesk-refused-status';
