import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-md text-center">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">This page is not for your account</h1>
      <p className="mt-2 text-slate-600">Your role does not include this area. If you need access, ask an admin.</p>
      <Link href="/courses" className="btn mt-6">
        Back to courses
      </Link>
    </div>
  );
}
