import { describe, expect, it } from "vitest";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "@/lib/auth/login-throttle";

describe("login throttle", () => {
  it("refuses an email after ten failures within fifteen minutes, and forgets them afterwards", () => {
    const email = "guess@example.com";
    const start = 1_000_000;
    for (let i = 0; i < 9; i++) recordLoginFailure(email, start + i);
    expect(isLoginThrottled(email, start + 10)).toBe(false);
    recordLoginFailure(email, start + 10);
    expect(isLoginThrottled(email, start + 11)).toBe(true);
    expect(isLoginThrottled("other@example.com", start + 11)).toBe(false);
    expect(isLoginThrottled(email, start + 15 * 60 * 1000 + 11)).toBe(false);
  });

  it("a successful login clears the count", () => {
    const email = "ok@example.com";
    for (let i = 0; i < 10; i++) recordLoginFailure(email, 5);
    clearLoginFailures(email);
    expect(isLoginThrottled(email, 6)).toBe(false);
  });
});
