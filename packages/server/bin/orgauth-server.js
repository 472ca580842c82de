#!/usr/bin/env node
// `orgauth-server`: the committed launcher of the built CLI (dist/cli.js). npm links a package's
// bin when it installs it; in a clone of the repository that happens before anything is built, and
// npm skips a link whose target is missing, so the bin points here, a file that always exists.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);

if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  process.stderr.write(
    `orgauth-server is not built yet: ${fileURLToPath(cli)} is missing.\n` +
      'In a clone of the OrgAuth repository, run `npm run build` at its root first, then `npm run server -- <command>`.\n',
  );
  process.exitCode = 1;
}
