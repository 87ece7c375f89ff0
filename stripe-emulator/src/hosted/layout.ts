// Plain server-rendered HTML for hosted pages: no external assets, one inline stylesheet.
import type { EmulatorResponse } from "../http/types.js";

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1f36;background:#f6f9fc}
header{background:#fff;border-bottom:1px solid #e3e8ee;padding:14px 24px;display:flex;align-items:center;gap:10px}
header .logo{font-weight:700;color:#635bff}
header .badge{font-size:12px;background:#ffe8c2;color:#8a4b00;border-radius:4px;padding:2px 6px}
main{max-width:760px;margin:32px auto;padding:0 16px}
main.wide{max-width:1100px}
.card{background:#fff;border:1px solid #e3e8ee;border-radius:8px;padding:24px;margin-bottom:20px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:17px;margin:0 0 12px}
p.muted,.muted{color:#697386}
label{display:block;font-weight:500;margin:12px 0 4px}
input[type=text],input[type=email],select{width:100%;padding:9px 10px;border:1px solid #cfd7df;border-radius:6px;font:inherit}
.choice{display:flex;gap:10px;align-items:flex-start;border:1px solid #e3e8ee;border-radius:6px;padding:10px 12px;margin:8px 0}
.choice input{margin-top:4px}
.actions{display:flex;gap:10px;margin-top:20px;flex-wrap:wrap}
button,.button{appearance:none;border:0;border-radius:6px;padding:10px 18px;font:inherit;font-weight:600;cursor:pointer;text-decoration:none;display:inline-block}
.primary{background:#635bff;color:#fff}
.secondary{background:#fff;color:#1a1f36;border:1px solid #cfd7df}
.danger{background:#df1b41;color:#fff}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef1f5;vertical-align:top}
th{color:#697386;font-weight:600}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;color:#3c4257;background:#f2f4f8;padding:1px 4px;border-radius:3px}
.status{font-size:12px;border-radius:4px;padding:1px 6px;background:#eef1f5}
.status.succeeded,.status.active,.status.paid,.status.enabled{background:#d7f7c2;color:#05690d}
.status.failed,.status.canceled,.status.past_due,.status.requires_payment_method{background:#ffe7f2;color:#b3093c}
`;

export function page(title: string, body: string, opts: { wide?: boolean; status?: number } = {}): EmulatorResponse {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · Stripe emulator</title><style>${STYLE}</style></head>
<body><header><span class="logo">stripe</span><span class="badge">emulator · test mode</span></header>
<main class="${opts.wide ? "wide" : ""}">${body}</main></body></html>`;
  return { status: opts.status ?? 200, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}

export function redirect(location: string): EmulatorResponse {
  return { status: 303, headers: { location }, body: "" };
}

export function withQuery(url: string, params: Record<string, string | null | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

export function bodyField(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  return typeof v === "string" ? v : undefined;
}
