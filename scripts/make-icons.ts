/**
 * `npm run icons`: renders resources/icon.svg, the one source drawing, into every icon file the
 * installers take. Its output is committed, so `npm run dist` needs neither this script nor its
 * libraries; run it again after changing the drawing (a unit test notices if you forget).
 *
 *   resources/icons/<n>x<n>.png  the Linux targets' icon folder (AppImage, deb)
 *   resources/icon.png           1024 px, the fallback electron-builder looks for
 *   resources/icon.ico           Windows: the .exe and the NSIS installer
 *   resources/icon.icns          macOS: the .app and the dmg
 *
 * resvg renders the SVG (prebuilt N-API binaries from npm, so no system libraries); png2icons
 * packs the ICO and ICNS containers from the 1024 px render.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const root = path.resolve(import.meta.dirname, '..');
export const ICON_SVG = path.join(root, 'resources', 'icon.svg');
/** Every size hicolor and the desktop environments ask for, up to the macOS 512@2x master. */
export const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024] as const;

/** Each size is rendered from the vector drawing, not scaled down from a large bitmap. */
export function renderPng(svg: Buffer | string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

export function makeIcons(): string[] {
  const svg = fs.readFileSync(ICON_SVG);
  const resources = path.join(root, 'resources');
  const folder = path.join(resources, 'icons');
  fs.mkdirSync(folder, { recursive: true });

  const written: string[] = [];
  const write = (file: string, data: Buffer) => {
    fs.writeFileSync(file, data);
    written.push(path.relative(root, file));
  };

  let master: Buffer | undefined;
  for (const size of PNG_SIZES) {
    const png = renderPng(svg, size);
    write(path.join(folder, `${size}x${size}.png`), png);
    if (size === 1024) master = png;
  }
  if (!master) throw new Error('PNG_SIZES must include 1024: the ICO and ICNS are made from it.');
  write(path.join(resources, 'icon.png'), master);

  // forWinExe: PNG entries from 64 px up, BMP below, which is what Windows' own .exe resources
  // and the Explorer properties dialog display reliably. 0 colours = lossless.
  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
  if (!ico) throw new Error('png2icons could not make the ICO.');
  write(path.join(resources, 'icon.ico'), ico);

  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (!icns) throw new Error('png2icons could not make the ICNS.');
  write(path.join(resources, 'icon.icns'), icns);

  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const file of makeIcons()) console.log(`wrote ${file}`);
}
