import { useEffect, useState } from 'react';
import type { Connection } from '../../../shared/model';

/** A logo narrower than this is a placeholder, not a mark worth showing. */
const MIN_LOGO_PX = 16;
/** Sampled on a small canvas: a logo of so few colours is a flat square, not a mark. */
const SAMPLE_PX = 16;
const MIN_COLOURS = 3;

/** Whether the logo is worth showing: it decodes, is not tiny, and is not a blank or flat square. */
function usable(image: HTMLImageElement): boolean {
  if (image.naturalWidth < MIN_LOGO_PX || image.naturalHeight < MIN_LOGO_PX) return false;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = SAMPLE_PX;
    canvas.height = SAMPLE_PX;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return true;
    context.drawImage(image, 0, 0, SAMPLE_PX, SAMPLE_PX);
    const { data } = context.getImageData(0, 0, SAMPLE_PX, SAMPLE_PX);
    const colours = new Set<number>();
    let visible = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 16) continue;
      visible++;
      // Coarse buckets, so that scaling's blending does not count as colours of its own.
      colours.add(((data[i]! >> 5) << 6) | ((data[i + 1]! >> 5) << 3) | (data[i + 2]! >> 5));
      if (colours.size >= MIN_COLOURS) return true;
    }
    return visible > 0 && colours.size >= MIN_COLOURS;
  } catch {
    // A canvas that cannot be read says nothing against the logo.
    return true;
  }
}

/** Which logo checks have ended, by data URL: the answer does not change. */
const verdicts = new Map<string, boolean>();

function useUsableLogo(logo: string | null | undefined): boolean {
  const [, setChecked] = useState(0);
  useEffect(() => {
    if (!logo || verdicts.has(logo)) return;
    let live = true;
    const image = new Image();
    image.onload = () => {
      verdicts.set(logo, usable(image));
      if (live) setChecked((n) => n + 1);
    };
    image.onerror = () => {
      verdicts.set(logo, false);
      if (live) setChecked((n) => n + 1);
    };
    image.src = logo;
    return () => {
      live = false;
    };
  }, [logo]);
  return logo ? verdicts.get(logo) === true : false;
}

/**
 * The bank's logo (a data: URL from Plaid) or, without a usable one (missing, undecodable, tiny,
 * or a flat square of colour), its initials on its own colour. Decorative: the name is always
 * written next to it.
 */
export function InstitutionMark({
  connection,
  size = 40,
}: {
  connection: Pick<Connection, 'institution' | 'displayName'>;
  size?: number;
}) {
  const { institution } = connection;
  const color = institution?.primaryColor ?? 'var(--accent)';
  const showLogo = useUsableLogo(institution?.logo);
  if (institution?.logo && showLogo) {
    return (
      <img
        className="institution-mark"
        src={institution.logo}
        alt=""
        width={size}
        height={size}
        style={{ borderColor: color }}
        data-mark="logo"
      />
    );
  }
  const name = institution?.name ?? connection.displayName;
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (
    <span
      className="institution-mark institution-initials"
      style={{ width: size, height: size, background: color }}
      aria-hidden="true"
      data-mark="initials"
    >
      {initials || '?'}
    </span>
  );
}
