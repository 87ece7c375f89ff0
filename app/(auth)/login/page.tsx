import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/login-form";
import { sameOriginTarget } from "@/lib/security/safe-redirect";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; registered?: string; loggedOut?: string }>;
}) {
  const { callbackUrl, registered, loggedOut } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Log in</h1>
      {registered && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Thanks! If this email address was new, your account is ready: log in to continue. If it
          already had an account, we have emailed its owner instead.
        </p>
      )}
      {loggedOut === "everywhere" && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          You are logged out on every device.
        </p>
      )}
      <LoginForm callbackUrl={sameOriginTarget(typeof callbackUrl === "string" ? callbackUrl : undefined)} />
      <p className="mt-6 text-sm text-slate-600">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </div>
  );
}
