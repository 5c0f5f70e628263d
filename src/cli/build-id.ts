/** The build's own name: scripts/build-bundle.mjs gives each build of the bundle a fresh one (esbuild's
 *  `define`), so that a file the build writes beside the bundle is taken only by the code of that build
 *  (a start-up snapshot left by an earlier build keeps the earlier code). Null outside the bundle. */
declare const __GILPY_BUILD_ID__: string | undefined;
export const BUILD_ID: string | null = typeof __GILPY_BUILD_ID__ === 'string' ? __GILPY_BUILD_ID__ : null;
