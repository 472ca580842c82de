import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

/** Same resolution as the packages' own Vite configs: workspace packages load from `src/`. */
const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

const elementsDir = fileURLToPath(new URL('../../packages/elements', import.meta.url));

/**
 * Storybook for the OrgAuth login UI. Stories live in `stories/*.stories.ts`; everything runs
 * offline (no telemetry, no "what's new" fetch), because builds and CI have no internet.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The docs and theming controls read packages/elements/custom-elements.json (stories/manifest.ts):
  // generated here from the current sources (packages/elements/custom-elements-manifest.config.mjs),
  // so `storybook dev` and `storybook build` work on a fresh clone without a package build first.
  viteFinal: async (viteConfig) => {
    await cli({ argv: ['analyze', '--quiet'], cwd: elementsDir });
    return mergeConfig(viteConfig, { resolve: { conditions } });
  },
};

export default config;
