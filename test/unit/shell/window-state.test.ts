import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isVisibleOn,
  loadWindowBounds,
  saveWindowBounds,
} from '../../../src/main/electron/window-state';
import { tempDir } from '../../support/temp-dir';

describe('window state', () => {
  it('remembers size, place and maximized, and ignores a damaged file', () => {
    const dir = tempDir();
    expect(loadWindowBounds(dir)).toBeNull();
    saveWindowBounds(dir, { x: 40, y: 30, width: 1200, height: 800, maximized: true });
    expect(loadWindowBounds(dir)).toEqual({
      x: 40,
      y: 30,
      width: 1200,
      height: 800,
      maximized: true,
    });
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"x": "left"');
    expect(loadWindowBounds(dir)).toBeNull();
  });

  it('uses a saved place only while it is on a screen', () => {
    const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
    expect(
      isVisibleOn({ x: 100, y: 100, width: 1000, height: 700, maximized: false }, laptop),
    ).toBe(true);
    // It was on an external monitor to the right that is gone now.
    expect(
      isVisibleOn({ x: 2000, y: 100, width: 1000, height: 700, maximized: false }, laptop),
    ).toBe(false);
  });
});
