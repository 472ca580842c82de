import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { manifest } from '../manifest.js';
import { themingControls, withTheming } from './theming.js';

// Autodocs and the argTypes of every story with a `component` tag: properties, attributes, events,
// `::part()`s and `--orgauth-*` custom properties, from the elements' JSDoc.
if (manifest) setCustomElementsManifest(manifest);

/** Page colours matching the elements' light and dark defaults, so the previews look embedded. */
const BACKGROUNDS = {
  light: { name: 'Light', value: '#f6f7f9' },
  dark: { name: 'Dark', value: '#0f1115' },
} as const;

/**
 * Keeps the page background in step with the theme: a dark login on a white page (or the reverse)
 * hides contrast problems instead of showing them. With `auto`, the backgrounds toolbar decides.
 */
const withThemeBackground: Decorator = (story, context) => {
  const global = context.globals.theme as string | undefined;
  const theme = global === 'story' || global === undefined ? (context.args.theme as string | undefined) : global;
  const body = context.canvasElement.ownerDocument.body;
  if (theme === 'light' || theme === 'dark') body.style.background = BACKGROUNDS[theme].value;
  else body.style.removeProperty('background');
  return story();
};

/**
 * Global preview settings: a background switcher and a toolbar toggle for the login's `theme`
 * (`story` keeps each story's own theme arg, so Dark* variants stay dark), autodocs for every
 * component, and controls for every token and part (./theming.ts).
 */
const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'centered',
    backgrounds: { options: BACKGROUNDS },
    a11y: { test: 'error' },
  },
  argTypesEnhancers: [themingControls],
  // Toolbars: the prebuilt `appearance` themes and the locales each get an entry here beside `theme`,
  // with its initial value in `initialGlobals` and a decorator (or the stories' `themeOf`) reading it.
  globalTypes: {
    theme: {
      description: 'Theme of <orgauth-login>',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'story', title: 'As the story says' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (prefers-color-scheme)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  // No initial background: the decorator paints the page for the theme; the toolbar can still override.
  initialGlobals: { theme: 'story' },
  // withTheming applies the token and part controls; a decorator for `appearance` or layout args
  // goes beside it.
  decorators: [withTheming, withThemeBackground],
};

export default preview;
