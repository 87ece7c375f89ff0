import sharp from "sharp";
import { setCourseCover } from "../lib/courses/course-covers";
import { db } from "../lib/db";
import { setSellerAvatar, updateSellerProfile } from "../lib/sellers/seller-profiles";
import { fileStorage } from "../lib/storage";

/** Colour pairs of the demo covers, one per course in turn. */
const PALETTES: [string, string, string][] = [
  ["#312e81", "#6366f1", "#a5b4fc"],
  ["#134e4a", "#14b8a6", "#99f6e4"],
  ["#7c2d12", "#f97316", "#fed7aa"],
  ["#1e3a8a", "#3b82f6", "#bfdbfe"],
  ["#581c87", "#a855f7", "#e9d5ff"],
  ["#14532d", "#22c55e", "#bbf7d0"],
  ["#831843", "#ec4899", "#fbcfe8"],
  ["#0c4a6e", "#0ea5e9", "#bae6fd"],
];

/**
 * A demo cover drawn as SVG and rendered by sharp: a gradient, soft shapes and an editor-like
 * window whose "lines of code" differ per course. No text, so no font is needed on the machine.
 */
function coverSvg(index: number): string {
  const [dark, mid, light] = PALETTES[index % PALETTES.length]!;
  const lines = Array.from({ length: 7 }, (_, line) => {
    const indent = ((index + line * 3) % 4) * 40;
    const width = 180 + ((index * 97 + line * 61) % 420);
    const colour = line % 3 === 0 ? light : "#ffffff";
    return `<rect x="${560 + indent}" y="${330 + line * 56}" width="${width}" height="22" rx="11" fill="${colour}" fill-opacity="${line % 3 === 0 ? 0.9 : 0.55}"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1600 900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>
  <circle cx="${200 + (index % 3) * 60}" cy="${720 - (index % 4) * 40}" r="300" fill="${light}" fill-opacity="0.18"/>
  <circle cx="1450" cy="${120 + (index % 5) * 30}" r="220" fill="#ffffff" fill-opacity="0.1"/>
  <rect x="480" y="220" width="900" height="520" rx="28" fill="${dark}" fill-opacity="0.55"/>
  <circle cx="530" cy="268" r="12" fill="#f87171"/><circle cx="570" cy="268" r="12" fill="#fbbf24"/><circle cx="610" cy="268" r="12" fill="#34d399"/>
  ${lines}
  <circle cx="${280 + (index % 2) * 40}" cy="300" r="90" fill="#ffffff" fill-opacity="0.9"/>
  <rect x="${240 + (index % 2) * 40}" y="270" width="80" height="60" rx="10" fill="${mid}"/>
</svg>`;
}

function avatarSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#e0e7ff"/>
  <circle cx="256" cy="200" r="100" fill="#4338ca"/>
  <path d="M76 512c0-110 80-180 180-180s180 70 180 180z" fill="#6366f1"/>
</svg>`;
}

const DEMO_BIO = `I build payment systems for a living and teach what I wish I had known earlier.

- 10 years of backend work, the last five on **payments**
- Courses with short videos, real code and a cheat sheet for each

Questions? Ask in any course — I answer every one.`;

/** Covers for the listed demo courses that have none, and a profile for the demo seller. */
export async function seedCovers(slugs: readonly string[]): Promise<number> {
  const storage = fileStorage();
  let made = 0;
  for (const [index, slug] of slugs.entries()) {
    const course = await db.course.findUnique({ where: { slug }, select: { id: true, sellerId: true, cover: { select: { imageId: true } } } });
    if (!course || course.cover) continue;
    const png = await sharp(Buffer.from(coverSvg(index))).png({ compressionLevel: 3 }).toBuffer();
    const result = await setCourseCover(course.sellerId, course.id, png, storage);
    if (!result.ok) throw new Error(`demo cover for ${slug}: ${result.message}`);
    made += 1;
  }
  const seller = await db.user.findUnique({ where: { email: "seller@example.com" }, select: { id: true, sellerProfile: { select: { avatarImageId: true, bio: true } } } });
  if (seller && !seller.sellerProfile?.avatarImageId) {
    if (!seller.sellerProfile?.bio) await updateSellerProfile(seller.id, { handle: "sam-seller", bio: DEMO_BIO });
    const png = await sharp(Buffer.from(avatarSvg())).png().toBuffer();
    const result = await setSellerAvatar(seller.id, png, storage);
    if (!result.ok) throw new Error(`demo avatar: ${result.message}`);
  }
  return made;
}
