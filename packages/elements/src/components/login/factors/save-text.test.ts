import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, saveText } from './save-text.js';

afterEach(() => vi.restoreAllMocks());

describe('saveText', () => {
  it('clicks a detached download link to a Blob URL, then revokes the URL', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:http://localhost/codes';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    saveText('recovery-codes.txt', 'a\nb\n');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('recovery-codes.txt');
    expect(clicked[0]?.href).toBe('blob:http://localhost/codes');
    expect(clicked[0]?.isConnected).toBe(false);
    expect(await blobs[0]?.text()).toBe('a\nb\n');
    expect(blobs[0]?.type).toBe('text/plain;charset=utf-8');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/codes');
  });
});

describe('copyText', () => {
  it('says whether the clipboard took the text', async () => {
    const ok = { clipboard: { writeText: vi.fn(async () => {}) } } as unknown as Navigator;
    const refused = {
      clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) },
    } as unknown as Navigator;
    expect(await copyText('x', ok)).toBe(true);
    expect(await copyText('x', refused)).toBe(false);
  });
});
