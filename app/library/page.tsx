import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "My library" };

export default async function LibraryPage() {
  await requireUser("/library");
  return (
    <>
      <h1 className="page-title">My library</h1>
      <div className="card text-center">
        <p className="text-slate-700">You have no courses yet.</p>
        <p className="mt-1 text-sm text-slate-500">Courses you buy will appear here, ready to open.</p>
        <Link href="/courses" className="btn mt-4">
          Browse courses
        </Link>
      </div>
    </>
  );
}
