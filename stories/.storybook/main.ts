import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

/** Same resolution as the packages' own Vite configs: workspace packages load from `src/`. */
const conditions = ['@orgauth/source', 'module', 'browser', 'development|production'];

/**
 * Storybook for the OrgAuth login UI. Stories live in `stories/*.stories.ts`; everything runs
 * offline (no telemetry, no "what's new" fetch), because builds and CI have no internet.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { resolve: { conditions } }),
};

export default config;
