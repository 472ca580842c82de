// The Chromium the CI scripts drive: Debian's (`$CHROMIUM_PATH` or /usr/bin/chromium) when the machine
// has it, since browsers cannot be downloaded there; otherwise Playwright's own, as on a laptop.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for a headless run on a CI container: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches that Chromium headless with {@link CHROMIUM_ARGS}. */
export function launchChromium() {
  const executablePath =
    process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
}
