// What Strapi's Vite build gives the admin's sources (vite/client's declarations are not
// resolvable from here: Vite is nested under @strapi/strapi).

/** An image import is its URL (or a data: URL for a small one). */
declare module '*.svg' {
  const url: string;
  export default url;
}

interface ImportMeta {
  /** https://vite.dev/guide/features#glob-import, eager and default exports only. */
  glob<T>(patterns: string | string[], options: { eager: true; import: 'default' }): Record<string, T>;
}
