/**
 * Why a file that looks like a PDF, JPEG or PNG by its first bytes is still not a plain scan.
 * scan-file.ts turns each into a zh-CN message for the person.
 */
export type ScanProblem =
  /** It does not parse as the format it claims. */
  | 'damaged'
  /** A PDF with a password or encryption: we cannot see what it holds. */
  | 'encrypted'
  /** It carries something that runs, opens, sends or embeds: a script, an action, an attached file, a ZIP. */
  | 'activeContent'
  /** An image with bytes after its end marker (where polyglots hide an archive). */
  | 'trailingData';
