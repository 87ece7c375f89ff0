import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CourseCard } from "@/components/course-card";
import { SellerAvatar } from "@/components/seller-avatar";
import { imageUrl } from "@/lib/images/image-rules";
import { renderLessonMarkdown } from "@/lib/lessons/markdown";
import { findSellerPage } from "@/lib/sellers/seller-profiles";

type Props = { params: Promise<{ handle: string }> };

const HANDLE_SHAPE = /^[a-z0-9-]{1,40}$/;

/** Shared by the page and its metadata within one request. */
const sellerPage = cache((handle: string) => (HANDLE_SHAPE.test(handle) ? findSellerPage(handle) : null));

function plainSummary(bio: string, name: string, courses: number): string {
  const text = bio.replace(/[#*_`>\[\]()!-]+/g, " ").replace(/\s+/g, " ").trim();
  if (text) return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
  return `${courses} ${courses === 1 ? "course" : "courses"} by ${name} on Coursemarket.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const seller = await sellerPage((await params).handle);
  if (!seller) return { title: "Seller not found" };
  const description = plainSummary(seller.bio, seller.user.name, seller.courses.length);
  return {
    title: seller.user.name,
    description,
    alternates: { canonical: `/sellers/${seller.handle}` },
    openGraph: {
      type: "profile",
      title: seller.user.name,
      description,
      url: `/sellers/${seller.handle}`,
      images: seller.avatarImageId ? [{ url: imageUrl(seller.avatarImageId, "s256.webp"), width: 256, height: 256, alt: seller.user.name }] : undefined,
    },
  };
}

export default async function SellerPublicPage({ params }: Props) {
  const seller = await sellerPage((await params).handle);
  if (!seller) notFound();
  const bio = renderLessonMarkdown(seller.bio);

  return (
    <>
      <header className="mb-10 flex flex-col gap-6 sm:flex-row sm:items-start">
        <SellerAvatar name={seller.user.name} imageId={seller.avatarImageId} size={112} />
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-semibold tracking-tight" data-testid="seller-name">{seller.user.name}</h1>
          <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2 text-sm text-slate-600" data-testid="seller-stats">
            <div>
              <dt className="sr-only">Courses</dt>
              <dd><span className="font-semibold text-slate-900">{seller.courses.length}</span> {seller.courses.length === 1 ? "course" : "courses"}</dd>
            </div>
            <div>
              <dt className="sr-only">Students</dt>
              <dd data-testid="seller-students"><span className="font-semibold text-slate-900">{seller.students.toLocaleString("en")}</span> {seller.students === 1 ? "student" : "students"}</dd>
            </div>
            {/* Reviews: the seller's average rating goes here. */}
            <div>
              <dt className="sr-only">Teaching since</dt>
              <dd>Teaching here since {new Date(seller.user.createdAt).getFullYear()}</dd>
            </div>
          </dl>
          {bio && <div className="lesson-body mt-4 max-w-2xl leading-relaxed text-slate-800" data-testid="seller-bio" dangerouslySetInnerHTML={{ __html: bio }} />}
        </div>
      </header>
      <h2 className="mb-4 text-xl font-semibold">Courses by {seller.user.name}</h2>
      {seller.courses.length === 0 ? (
        <div className="card text-center text-slate-600">No published courses yet.</div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {seller.courses.map((course) => (
            <CourseCard key={course.id} course={course} />
          ))}
        </div>
      )}
    </>
  );
}
