import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../account.js';
import { find, settle } from '../../internal/test-helpers.js';
import { placePanel } from './switcher-position.js';
import { press, signedInClient, switcherWith } from './switcher.fixtures.js';

// happy-dom does no layout, so each test states the geometry a browser would measure: the viewport,
// the button's box, and the panel's natural size. floating-ui then does its real arithmetic on it.
const happyDOM = () =>
  (window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }).happyDOM;

function layout(
  button: HTMLElement,
  panel: HTMLElement,
  at: { x: number; y: number },
  size = { width: 280, height: 300 },
) {
  const rect = (x: number, y: number, width: number, height: number) =>
    ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
  vi.spyOn(button, 'getBoundingClientRect').mockImplementation(() => rect(at.x, at.y, 110, 32));
  vi.spyOn(panel, 'getBoundingClientRect').mockImplementation(() =>
    rect(Number.parseFloat(panel.style.left) || 0, Number.parseFloat(panel.style.top) || 0, size.width, size.height),
  );
  Object.defineProperty(panel, 'offsetWidth', { configurable: true, get: () => size.width });
  Object.defineProperty(panel, 'offsetHeight', { configurable: true, get: () => size.height });
}

beforeEach(() => {
  happyDOM().setViewport({ width: 320, height: 640 });
  // The viewport floating-ui measures (the root element's client box, as a browser reports it).
  const root = document.documentElement;
  Object.defineProperty(root, 'clientWidth', { configurable: true, get: () => window.innerWidth });
  Object.defineProperty(root, 'clientHeight', { configurable: true, get: () => window.innerHeight });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  happyDOM().setViewport({ width: 1024, height: 768 });
});

/** The panel's box as placed: its left/top and the caps `size` put on it. */
const box = (panel: HTMLElement) => ({
  left: Number.parseFloat(panel.style.left),
  top: Number.parseFloat(panel.style.top),
  maxWidth: Number.parseFloat(panel.style.maxWidth),
  maxHeight: Number.parseFloat(panel.style.maxHeight),
  placement: panel.dataset.placement,
});

describe('panel position (@floating-ui/dom: flip, shift, size)', () => {
  it('opens below the button, inside a 320 px wide viewport: aligned to its end, or shifted in', async () => {
    const button = document.createElement('button');
    const panel = document.createElement('div');
    document.body.append(button, panel);
    layout(button, panel, { x: 200, y: 20 });
    await placePanel(button, panel);
    // From the button's left edge (200) 280 px would overflow: it lines up with the button's end.
    expect(box(panel)).toMatchObject({ placement: 'bottom-end', top: 20 + 32 + 4, left: 310 - 280 });
    expect(box(panel).maxWidth).toBeLessThanOrEqual(320 - 16);

    // A button in the middle: neither edge fits, so `shift` moves the panel in, 8 px from the edge.
    layout(button, panel, { x: 100, y: 20 });
    await placePanel(button, panel);
    const placed = box(panel);
    expect(placed.placement).toMatch(/^bottom/);
    expect(placed.left).toBeGreaterThanOrEqual(8);
    expect(placed.left + 280).toBeLessThanOrEqual(320 - 8);
  });

  it('in right-to-left text, bottom-start lines the panel up with the button’s right edge', async () => {
    happyDOM().setViewport({ width: 1024, height: 640 });
    const rtl = document.createElement('div');
    rtl.dir = 'rtl';
    rtl.style.direction = 'rtl'; // a browser's UA style sheet derives it from dir; happy-dom does not
    const button = document.createElement('button');
    const panel = document.createElement('div');
    rtl.append(button, panel);
    document.body.append(rtl);
    layout(button, panel, { x: 600, y: 20 });
    await placePanel(button, panel);
    expect(box(panel)).toMatchObject({ placement: 'bottom-start', left: 600 + 110 - 280 });
  });

  it('flips above the button near the bottom edge, capped to the room there', async () => {
    const button = document.createElement('button');
    const panel = document.createElement('div');
    document.body.append(button, panel);
    layout(button, panel, { x: 10, y: 590 });
    await placePanel(button, panel);
    const placed = box(panel);
    expect(placed.placement).toBe('top-start');
    expect(placed.top).toBe(590 - 4 - 300);
    expect(placed.left).toBe(10);
    expect(placed.maxHeight).toBe(590 - 4 - 8);
  });

  it('the element places its panel when it opens, and again when the page scrolls', async () => {
    const scroller = document.createElement('div');
    document.body.append(scroller);
    const el = await switcherWith(signedInClient(), scroller);
    const button = find(el, '#button');
    const panel = find(el, '#panel');
    let at = { x: 20, y: 100 };
    layout(button, panel, at);
    vi.spyOn(button, 'getBoundingClientRect').mockImplementation(
      () =>
        ({
          x: at.x,
          y: at.y,
          left: at.x,
          top: at.y,
          width: 110,
          height: 32,
          right: at.x + 110,
          bottom: at.y + 32,
        }) as DOMRect,
    );
    button.focus();
    press(button, 'Enter');
    await settle(el);
    await vi.waitFor(() => expect(box(panel).top).toBe(136));
    // The container scrolled the button down near the bottom edge: the panel follows and flips.
    at = { x: 20, y: 600 };
    window.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(box(panel)).toMatchObject({ placement: 'top-start', top: 600 - 4 - 300 }));
    // Closed, it stops following.
    press(el.shadowRoot!.activeElement!, 'Escape');
    await el.updateComplete;
    at = { x: 20, y: 100 };
    window.dispatchEvent(new Event('resize'));
    await settle(el);
    expect(box(panel).top).toBe(296);
  });
});
