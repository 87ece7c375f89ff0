import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/login-form";
import { sameOriginTarget } from "@/lib/security/safe-redirect";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; registered?: string; loggedOut?: string; reset?: string; deleted?: string }>;
}) {
  const { callbackUrl, registered, loggedOut, reset, deleted } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Log in</h1>
      {registered && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Thanks! If this email address was new, your account is ready: log in to continue, and
          confirm your address with the link we emailed you. If it already had an account, we have
          emailed its owner instead.
        </p>
      )}
      {reset && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Your password is changed and you are logged out on every device. Log in with the new password.
        </p>
      )}
      {deleted && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Your account is deleted. Thank you for having been with us.
        </p>
      )}
      {loggedOut === "everywhere" && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          You are logged out on every device.
        </p>
      )}
      <LoginForm callbackUrl={sameOriginTarget(typeof callbackUrl === "string" ? callbackUrl : undefined)} />
      <p className="mt-6 text-sm text-slate-600">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="mt-2 text-sm text-slate-600">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </div>
  );
}
