import type { CaughtMessage } from "./message-store";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #0f172a; }
h1 { font-size: 1.4rem; margin-bottom: .25rem; }
p.note { color: #475569; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; color: #475569; }
a { color: #1d4ed8; }
pre { white-space: pre-wrap; background: #f8fafc; border: 1px solid #e2e8f0; padding: 1rem; border-radius: .4rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { color: #475569; }
.outage { background: #fef2f2; border: 1px solid #fecaca; color: #991b1b; padding: .5rem .8rem; border-radius: .4rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body>
</html>`;
}

const time = (iso: string) => escapeHtml(iso.replace("T", " ").replace(/\.\d+Z$/, " UTC"));

export function messageListPage(messages: CaughtMessage[], state: { outage: boolean; smtpUrl: string }): string {
  const rows = messages
    .map(
      (m) => `<tr data-testid="message-row">
  <td>${time(m.receivedAt)}</td>
  <td>${escapeHtml(m.to.join(", "))}</td>
  <td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || "(no subject)")}</a></td>
</tr>`,
    )
    .join("\n");
  return page(
    "Mail catcher",
    `<h1>Mail catcher</h1>
<p class="note">Every email sent to ${escapeHtml(state.smtpUrl)}, newest first. Nothing here leaves this machine. <a href="/">Refresh</a></p>
${state.outage ? '<p class="outage" data-testid="outage">Simulating an outage: every SMTP connection is answered 421.</p>' : ""}
${
  messages.length === 0
    ? '<p data-testid="no-messages">No mail yet.</p>'
    : `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
}`,
  );
}

export function messagePage(message: CaughtMessage): string {
  return page(
    message.subject || "(no subject)",
    `<p><a href="/">← All mail</a></p>
<h1 data-testid="message-subject">${escapeHtml(message.subject || "(no subject)")}</h1>
<dl>
  <dt>From</dt><dd>${escapeHtml(message.from)}</dd>
  <dt>To</dt><dd data-testid="message-to">${escapeHtml(message.to.join(", "))}</dd>
  <dt>Received</dt><dd>${time(message.receivedAt)}</dd>
</dl>
${
  message.html
    ? `<h2>As HTML</h2>
<iframe data-testid="message-html" title="The email as HTML" sandbox="" srcdoc="${escapeHtml(message.html)}" style="width:100%;max-width:640px;height:36rem;border:1px solid #cbd5e1"></iframe>
<h2>Plain-text alternative</h2>`
    : ""
}
<pre data-testid="message-text">${escapeHtml(message.text)}</pre>`,
  );
}

export function notFoundPage(): string {
  return page("Not found", '<p><a href="/">← All mail</a></p><h1>No such message</h1>');
}
