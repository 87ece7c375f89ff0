/**
 * What an uploaded picture must be, and the sizes the pages need of it. Pure rules (no sharp, no
 * storage) so they can be tested as a table; lib/images/process-image.ts applies them.
 */
export type ImageKind = "cover" | "avatar";

export interface ImageVariant {
  /** Part of the URL and the storage key: images/<imageId>/<name>. */
  name: string;
  width: number;
  height: number;
  format: "webp" | "jpeg";
}

/** Pictures arrive as JPEG, PNG or WebP, told apart by their bytes. */
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
/** Wider or taller than this is refused before any pixel is decoded. */
export const IMAGE_MAX_SIDE = 10_000;
/** sharp's limitInputPixels: a small file that would decode to more is a decompression bomb. */
export const IMAGE_MAX_PIXELS = 50_000_000;

interface KindRules {
  label: string;
  minWidth: number;
  minHeight: number;
  variants: readonly ImageVariant[];
}

/** Covers are 16:9 everywhere (cards, course page) plus a 1200×630 JPEG for link previews. */
export const IMAGE_KINDS: Record<ImageKind, KindRules> = {
  cover: {
    label: "cover",
    minWidth: 640,
    minHeight: 360,
    variants: [
      { name: "w480.webp", width: 480, height: 270, format: "webp" },
      { name: "w960.webp", width: 960, height: 540, format: "webp" },
      { name: "w1600.webp", width: 1600, height: 900, format: "webp" },
      { name: "og.jpg", width: 1200, height: 630, format: "jpeg" },
    ],
  },
  avatar: {
    label: "picture",
    minWidth: 128,
    minHeight: 128,
    variants: [
      { name: "s96.webp", width: 96, height: 96, format: "webp" },
      { name: "s256.webp", width: 256, height: 256, format: "webp" },
    ],
  },
};

export function imageVariant(kind: ImageKind, name: string): ImageVariant | undefined {
  return IMAGE_KINDS[kind].variants.find((variant) => variant.name === name);
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Checked before decoding: the size of the upload and the type its bytes show. */
export function uploadProblem(sizeBytes: number, sniffedType: string | undefined): string | null {
  if (sizeBytes === 0) return "The file is empty. Choose a JPEG, PNG or WebP picture.";
  if (sizeBytes > IMAGE_MAX_BYTES) return `This picture is larger than the ${megabytes(IMAGE_MAX_BYTES)} limit.`;
  if (!sniffedType || !(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(sniffedType)) {
    return "This file is not a JPEG, PNG or WebP picture (its contents were checked, not only its name).";
  }
  return null;
}

/** Checked from the picture's header, still before decoding: its dimensions. */
export function dimensionsProblem(kind: ImageKind, width: number | undefined, height: number | undefined): string | null {
  const rules = IMAGE_KINDS[kind];
  if (!width || !height) return "This picture could not be read. Choose a JPEG, PNG or WebP picture.";
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE || width * height > IMAGE_MAX_PIXELS) {
    return `This picture is too large (${width} × ${height} pixels). Use one at most ${IMAGE_MAX_SIDE.toLocaleString("en")} pixels on each side.`;
  }
  if (width < rules.minWidth || height < rules.minHeight) {
    return `This picture is too small (${width} × ${height} pixels). A ${rules.label} needs at least ${rules.minWidth} × ${rules.minHeight}.`;
  }
  return null;
}

const IMAGE_ID = /^[a-z0-9]{16,40}$/;

export function isImageId(value: string): boolean {
  return IMAGE_ID.test(value);
}

/** Where a stored size is served: the image ID versions the URL, so it is cached for a year. */
export function imageUrl(imageId: string, variant: string): string {
  return `/api/images/${imageId}/${variant}`;
}

export function imageStorageKey(imageId: string, variant: string): string {
  return `images/${imageId}/${variant.replace(".", "-")}`;
}
