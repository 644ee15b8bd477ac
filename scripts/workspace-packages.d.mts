// Types for `workspace-packages.mjs`, for the TypeScript that imports it (the consumer test).

/** The workspace's root folder, absolute. */
export declare const root: string

/** The `packages:` globs of a `pnpm-workspace.yaml`'s text, in order. */
export declare const workspaceGlobs: (yaml: string) => Array<string>

/** Every package folder the workspace's globs match, absolute and sorted. */
export declare const packageDirs: () => Array<string>
