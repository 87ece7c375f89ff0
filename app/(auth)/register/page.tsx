import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="page-title">Create an account</h1>
      <RegisterForm />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </div>
  );
}
