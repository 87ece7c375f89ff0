import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, stripeOrigins } from "@/lib/security/content-security-policy";
import { crossSiteProblem, progressiveActionProblem, SERVER_ACTION_BODY_LIMIT, serverActionRequestProblem } from "@/lib/security/server-action-request";

describe("content security policy", () => {
  it("allows scripts by nonce, and Stripe's own origins with real keys", () => {
    const policy = contentSecurityPolicy("abc", stripeOrigins(undefined));
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' https://js.stripe.com");
    expect(policy).toContain("frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("127.0.0.1");
  });

  it("allows only the emulator's origin when it stands in for Stripe", () => {
    const policy = contentSecurityPolicy("abc", stripeOrigins("http://127.0.0.1:12111/"));
    expect(policy).toContain("frame-src http://127.0.0.1:12111;");
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:12111;");
    expect(policy).toContain("form-action 'self' http://127.0.0.1:12111");
    expect(policy).not.toContain("stripe.com");
  });

  it("lets lesson media come from this site, a chosen file (blob:) and the S3 endpoint of signed URLs only", () => {
    expect(contentSecurityPolicy("abc", stripeOrigins(undefined))).toContain("media-src 'self' blob:;");
    const policy = contentSecurityPolicy("abc", stripeOrigins(undefined), ["https://lessons.s3.eu-west-1.amazonaws.com"]);
    expect(policy).toContain("media-src 'self' blob: https://lessons.s3.eu-west-1.amazonaws.com;");
    expect(policy).toContain("img-src 'self' data: blob: https://lessons.s3.eu-west-1.amazonaws.com;");
  });
});

const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://localhost:3000/seller", { method: "POST", body, headers: { host: "localhost:3000", "next-action": "7f00", ...headers } });

function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

describe("server action requests", () => {
  it("lets through what React sends", async () => {
    expect(await serverActionRequestProblem(post(multipart([["1_title", "x"], ["0", '["$undefined","$K1"]']]), { origin: "http://localhost:3000" }))).toBeNull();
    expect(await serverActionRequestProblem(post('[{"error":"$$5 off"},"$K1"]', { "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
  });

  it("answers 400 to an argument list that cannot be decoded", async () => {
    for (const root of ["{{{", "{}", '"$K1"', '["$Q1"]', '["$@9"]']) {
      expect(await serverActionRequestProblem(post(multipart([["0", root]]), {})), root).toMatchObject({ status: 400 });
    }
    expect(await serverActionRequestProblem(post(multipart([["1_\u0001x", "y"], ["0", "[]"]]), {}))).toMatchObject({ status: 400 });
    expect(await serverActionRequestProblem(post(multipart([["1_x", "y"]]), {}))).toMatchObject({ status: 400 });
  });

  it("refuses other origins, other content types and oversized bodies", async () => {
    expect(crossSiteProblem(post("[]", { "content-type": "text/plain", origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    // Opaque origins (a sandboxed frame, a data: URL) and an empty Origin: Next.js answered these with a 500.
    expect(crossSiteProblem(post("[]", { "content-type": "text/plain", origin: "null" }))).toMatchObject({ status: 403 });
    expect(crossSiteProblem(post("[]", { "content-type": "text/plain", origin: "" }))).toMatchObject({ status: 403 });
    expect(await serverActionRequestProblem(post("{}", { "content-type": "application/json" }))).toMatchObject({ status: 415 });
    expect(await serverActionRequestProblem(post("[]", { "content-type": "text/plain", "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }))).toMatchObject({ status: 413 });
  });
});

describe("forms posted without script", () => {
  const page = (form: FormData) => new Request("http://localhost:3000/register", { method: "POST", body: form });

  it("lets through the reference and bound arguments React renders", async () => {
    const form = multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'], ["$ACTION_1:1", '["$undefined"]'], ["email", "a@b.c"]]);
    expect(await progressiveActionProblem(page(form))).toBeNull();
  });

  it("answers 400 to a broken reference or argument row", async () => {
    for (const [reference, args] of [["{{", "[]"], ['{"id":1}', "[]"], ['{"id":"7f00","bound":"$@1"}', "{{"], ['{"id":"7f00","bound":"$Q1"}', "[]"]]) {
      const form = multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", reference], ["$ACTION_1:1", args]]);
      expect(await progressiveActionProblem(page(form)), `${reference} ${args}`).toMatchObject({ status: 400 });
    }
  });
});
