import type { Metadata } from "next";
import Link from "next/link";
import { ImageUpload } from "@/components/image-upload";
import { SellerAvatar } from "@/components/seller-avatar";
import { requireRole } from "@/lib/auth/guards";
import { BIO_MAX, sellerProfileForEditing } from "@/lib/sellers/seller-profiles";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your public profile" };

export default async function SellerProfilePage() {
  const seller = await requireRole("seller", "/seller/profile");
  const profile = await sellerProfileForEditing(seller.id);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Your public profile</h1>
        <Link href={`/sellers/${profile.handle}`} className="btn-secondary">
          View your page
        </Link>
      </div>
      <div className="grid max-w-4xl gap-6 md:grid-cols-[260px_1fr]">
        <section className="card h-fit" aria-labelledby="avatar-heading">
          <h2 id="avatar-heading" className="mb-3 text-lg font-semibold">Picture</h2>
          <ImageUpload
            endpoint="/api/sellers/avatar"
            label="Profile picture"
            hint="JPEG, PNG or WebP, at least 128 × 128 pixels, at most 8 MB. Cropped to a square."
            savedMessage="Picture saved."
            preview={<SellerAvatar name={profile.user.name} imageId={profile.avatarImageId} size={128} />}
          />
        </section>
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">Details</h2>
          <p className="mb-4 text-sm text-slate-600">
            Your page shows your name (<span className="font-medium text-slate-900">{profile.user.name}</span>), this bio and your published courses.
          </p>
          <ProfileForm handle={profile.handle} bio={profile.bio} bioMax={BIO_MAX} />
        </section>
      </div>
    </>
  );
}
