/** Where the committed copy of the page lives, relative to the repository root. */
export declare const COMMITTED_PAGE: string;
/**
 * Bundles the verification page's script (esbuild, minified, browser) and inlines it into the
 * page template: one self-contained HTML file.
 *
 * @returns the page's HTML
 */
export declare function buildPage(): Promise<string>;
export default buildPage;
