import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { annotateScreenshot, describeAction, describeTarget } from '../../src/browser/index.js';
import { summarizeActionError } from '../../src/browser/action-error.js';
import { isAllowedUrl, resolveUrl } from '../../src/browser/url.js';

describe('summarizeActionError', () => {
  it('keeps the headline and the real reason from the call log, without colours', () => {
    const error = new Error(
      [
        'locator.click: Timeout 500ms exceeded.',
        'Call log:',
        "\u001b[2m  - waiting for getByRole('button', { name: 'Nope', exact: true })\u001b[22m",
        '\u001b[2m    - locator resolved to <button disabled>Nope</button>\u001b[22m',
        '\u001b[2m  - attempting click action\u001b[22m',
        '\u001b[2m    2 × waiting for element to be visible, enabled and stable\u001b[22m',
        '\u001b[2m      - element is not enabled\u001b[22m',
        '\u001b[2m    - retrying click action\u001b[22m',
        '\u001b[2m      - waiting 100ms\u001b[22m',
      ].join('\n'),
    );
    // No milliseconds: the limit is scaled per machine, and the same failure must read the same.
    expect(summarizeActionError(error)).toBe('Timed out. (element is not enabled)');
  });

  it('returns plain errors as they are', () => {
    expect(summarizeActionError(new Error('no option "X"; the options are: "A"'))).toBe('no option "X"; the options are: "A"');
  });
});

describe('describeTarget and describeAction', () => {
  it('name targets and actions as a person would', () => {
    expect(describeTarget({ role: 'button', name: 'Save', ref: 'e5' })).toBe('button "Save" [ref=e5]');
    expect(describeTarget({ role: 'row', name: 'Write docs', nth: 1 })).toBe('row "Write docs" #2');
    expect(describeTarget({ point: { x: 3, y: 4 } })).toBe('at (3, 4)');
    expect(describeAction({ type: 'type', target: { role: 'textbox', name: 'Title' }, text: 'Hi' })).toBe('type "Hi" into textbox "Title"');
    expect(describeAction({ type: 'scroll', deltaY: 300 })).toBe('scroll by (0, 300)');
    expect(describeAction({ type: 'dblclick', target: { role: 'cell', name: '1200' } })).toBe('double-click cell "1200"');
  });
});

describe('url helpers', () => {
  it('resolve paths against the origin and check allowed origins', () => {
    expect(resolveUrl('http://127.0.0.1:4000', '/tasks?x=1')).toBe('http://127.0.0.1:4000/tasks?x=1');
    expect(resolveUrl('http://127.0.0.1:4000', 'tasks')).toBe('http://127.0.0.1:4000/tasks');
    expect(resolveUrl('http://127.0.0.1:4000', 'http://other.test/a')).toBe('http://other.test/a');
    expect(isAllowedUrl('http://127.0.0.1:4000/x', ['http://127.0.0.1:4000'])).toBe(true);
    expect(isAllowedUrl('http://evil.test/', ['http://127.0.0.1:4000/'])).toBe(false);
    expect(isAllowedUrl('about:blank', [])).toBe(true);
  });
});

describe('annotateScreenshot', () => {
  it('marks the box and point in red on a PNG, keeping the label inside the image', async () => {
    const webp = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#ffffff' } })
      .webp()
      .toBuffer();
    const png = await annotateScreenshot(webp, {
      box: { x: 0, y: 0, width: 60, height: 20 },
      point: { x: 150, y: 60 },
      label: 'click <"Save">',
    });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 200, height: 100 });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const [r, g, b] = pixel(150, 60); // the centre dot
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(100);
    expect(pixel(190, 5)).toEqual([255, 255, 255]); // far from every mark
  });
});
