import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

const schema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});

/** Where the window was, kept in `window-state.json` in the data folder. */
export function loadWindowBounds(dataDir: string): WindowBounds | null {
  try {
    const parsed = schema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowBounds(dataDir: string, bounds: WindowBounds): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'window-state.json'), JSON.stringify(bounds) + '\n');
}

/** A saved place is used only if enough of it still lies on a screen (monitors come and go). */
export function isVisibleOn(
  bounds: WindowBounds,
  screens: { x: number; y: number; width: number; height: number }[],
): boolean {
  return screens.some((s) => {
    const overlapX = Math.min(bounds.x + bounds.width, s.x + s.width) - Math.max(bounds.x, s.x);
    const overlapY = Math.min(bounds.y + bounds.height, s.y + s.height) - Math.max(bounds.y, s.y);
    return overlapX >= 100 && overlapY >= 50;
  });
}
