import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; registered?: string }>;
}) {
  const { callbackUrl, registered } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Log in</h1>
      {registered && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Your account is ready. Log in to continue.
        </p>
      )}
      <LoginForm callbackUrl={safeCallbackUrl(callbackUrl)} />
      <p className="mt-6 text-sm text-slate-600">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </div>
  );
}

/** Only same-site paths: an open redirect after login would help phishing. */
function safeCallbackUrl(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/courses";
  return value;
}
