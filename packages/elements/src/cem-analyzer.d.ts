// The analyzer's programmatic CLI (the `cem analyze` command without writing a file), which its
// package ships without types; custom-elements-manifest.test.ts runs it.
declare module '@custom-elements-manifest/analyzer/cli.js' {
  /** Runs `argv` (e.g. `['analyze']`) in `cwd` with its config file; resolves to the manifest. */
  export function cli(options: { argv?: string[]; cwd?: string; noWrite?: boolean }): Promise<unknown>;
}
