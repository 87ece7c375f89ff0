import { imageUrl } from "@/lib/images/image-rules";

interface SellerAvatarProps {
  name: string;
  imageId: string | null | undefined;
  /** Drawn size in CSS pixels. */
  size: number;
}

/** A seller's round picture, or their initials on a soft circle when they have none. */
export function SellerAvatar({ name, imageId, size }: SellerAvatarProps) {
  if (imageId) {
    const file = size > 96 ? "s256.webp" : "s96.webp";
    return (
      // A plain img: the sizes are made at upload (lib/images).
      <img src={imageUrl(imageId, file)} width={size} height={size} alt="" className="shrink-0 rounded-full bg-slate-100 object-cover" style={{ width: size, height: size }} data-testid="seller-avatar" />
    );
  }
  const initials = (name.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 2).map((word) => word[0]!.toUpperCase()).join("");
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-800"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.38) }}
    >
      {initials}
    </span>
  );
}
