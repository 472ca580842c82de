import type { OrgAuthThemeDefinition } from './appearance.js';

/** The built-in light look, as a theme to start from: `appearance={{ theme: defaultTheme }}`. */
export const defaultTheme: OrgAuthThemeDefinition = { name: 'default', colorScheme: 'light' };

/** The built-in dark palette. */
export const darkTheme: OrgAuthThemeDefinition = { name: 'dark', colorScheme: 'dark' };

/**
 * A neutral look in the manner of shadcn/ui's zinc palette: near-black primary, hairline borders,
 * small radius, no card shadow, medium-weight buttons. Light; pair it with `variables` for dark.
 */
export const neutralTheme: OrgAuthThemeDefinition = {
  name: 'neutral',
  colorScheme: 'light',
  variables: {
    colorPrimary: '#18181b',
    colorOnPrimary: '#fafafa',
    colorBackground: '#ffffff',
    colorSurface: '#f4f4f5',
    colorText: '#09090b',
    colorTextSecondary: '#52525b',
    colorBorder: '#e4e4e7',
    colorDanger: '#dc2626',
    colorSuccess: '#15803d',
    fontFamily: "'Inter', ui-sans-serif, system-ui, sans-serif",
    borderRadius: '6px',
    buttonRadius: '6px',
    shadow: '0 1px 2px rgb(0 0 0 / 0.05)',
  },
  elements: {
    card: { borderColor: '#e4e4e7' },
    submitButton: { fontWeight: 500, '&:hover': { backgroundColor: '#27272a' } },
    secondaryButton: { fontWeight: 500, '&:hover': { backgroundColor: '#f4f4f5' } },
    heading: { letterSpacing: '-0.015em', fontWeight: 600 },
  },
};

/** The prebuilt themes, by name. */
export const themes = { default: defaultTheme, dark: darkTheme, neutral: neutralTheme } as const;
