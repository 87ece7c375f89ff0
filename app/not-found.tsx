import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">We could not find that page</h1>
      <p className="mt-2 text-slate-600">The course may have been unpublished, or the address mistyped.</p>
      <Link href="/courses" className="btn mt-6">
        Browse courses
      </Link>
    </div>
  );
}
