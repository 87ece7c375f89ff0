import { imageUrl } from "@/lib/images/image-rules";

interface CourseCoverProps {
  title: string;
  imageId: string | null | undefined;
  /** The `sizes` attribute: how wide the cover is drawn, so the browser picks the right file. */
  sizes: string;
  /** Above the fold (the course page): load at once instead of lazily. */
  eager?: boolean;
  className?: string;
}

/** Pleasant pairs for covers that have no picture yet; a course always gets the same one. */
const PALETTES: [string, string][] = [
  ["#4f46e5", "#0ea5e9"],
  ["#0f766e", "#84cc16"],
  ["#9333ea", "#ec4899"],
  ["#c2410c", "#f59e0b"],
  ["#1e40af", "#6366f1"],
  ["#be123c", "#fb7185"],
  ["#155e75", "#14b8a6"],
];

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash;
}

function initialsOf(title: string): string {
  const words = title.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");
}

/**
 * A course's cover at 16:9, sized by its width and height attributes so nothing shifts as it
 * loads. Without an uploaded picture: a gradient with the title's initials, drawn inline.
 */
export function CourseCover({ title, imageId, sizes, eager = false, className = "" }: CourseCoverProps) {
  const classes = `block aspect-video h-auto w-full bg-slate-100 object-cover ${className}`;
  if (imageId) {
    const url = (name: string) => imageUrl(imageId, name);
    return (
      // A plain img: the sizes are made at upload (lib/images); next/image would make them again.
      <img
        src={url("w960.webp")}
        srcSet={`${url("w480.webp")} 480w, ${url("w960.webp")} 960w, ${url("w1600.webp")} 1600w`}
        sizes={sizes}
        width={1600}
        height={900}
        alt=""
        loading={eager ? "eager" : "lazy"}
        fetchPriority={eager ? "high" : undefined}
        decoding="async"
        className={classes}
        data-testid="course-cover"
      />
    );
  }
  const hash = hashOf(title);
  const [from, to] = PALETTES[hash % PALETTES.length]!;
  const id = `cover-gradient-${hash.toString(36)}`;
  return (
    <svg viewBox="0 0 160 90" width={1600} height={900} aria-hidden="true" className={classes} data-testid="course-cover-placeholder">
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={from} />
          <stop offset="1" stopColor={to} />
        </linearGradient>
      </defs>
      <rect width="160" height="90" fill={`url(#${id})`} />
      <circle cx={130 - (hash % 40)} cy={20 + (hash % 30)} r="46" fill="#ffffff" fillOpacity="0.08" />
      <circle cx={20 + (hash % 50)} cy="88" r="30" fill="#ffffff" fillOpacity="0.1" />
      <text x="80" y="45" dy="0.35em" textAnchor="middle" fill="#ffffff" fontSize="30" fontWeight="600" fontFamily="system-ui, sans-serif" letterSpacing="1">
        {initialsOf(title)}
      </text>
    </svg>
  );
}
