import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';

/** Space kept between the panel and the viewport's edges, in CSS pixels. */
const EDGE = 8;
/** Gap between the button and the panel. */
const GAP = 4;

/**
 * Places `panel` under `button` (above it when there is more room there), inside the viewport: the
 * panel is `position: fixed`, so a scrolled or clipped container around the switcher does not cut
 * it. `size` caps its width and height to the room left, so at 320 px or near the bottom edge the
 * panel shrinks and scrolls instead of overflowing. Resolves with the placement used.
 *
 * The coordinates go in through the CSSOM (`style.left = …`), which a strict Content-Security-Policy
 * allows: `style-src` governs style sheets and `style` attributes in markup, not properties set from
 * script, so neither `unsafe-inline` nor a Trusted Types policy is needed.
 */
export async function placePanel(button: HTMLElement, panel: HTMLElement): Promise<string> {
  const { x, y, placement } = await computePosition(button, panel, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      offset(GAP),
      flip({ padding: EDGE, fallbackAxisSideDirection: 'none' }),
      shift({ padding: EDGE }),
      size({
        padding: EDGE,
        apply({ availableWidth, availableHeight, elements }) {
          elements.floating.style.maxWidth = `${Math.max(0, Math.floor(availableWidth))}px`;
          elements.floating.style.maxHeight = `${Math.max(0, Math.floor(availableHeight))}px`;
        },
      }),
    ],
  });
  panel.style.left = `${Math.round(x)}px`;
  panel.style.top = `${Math.round(y)}px`;
  panel.dataset.placement = placement;
  return placement;
}

/**
 * Keeps the panel placed while it is open: `autoUpdate` re-runs {@link placePanel} when any scrolling
 * ancestor scrolls, the window resizes, or either element changes size. Call the returned function
 * when the panel closes.
 */
export function followButton(
  button: HTMLElement,
  panel: HTMLElement,
  placed?: (placement: string) => void,
): () => void {
  return autoUpdate(button, panel, () => {
    void placePanel(button, panel).then(placed);
  });
}
