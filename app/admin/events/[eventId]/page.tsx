import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/action-button";
import { DetailsList } from "@/components/details-list";
import { requireRole } from "@/lib/auth/guards";
import { getAdminEvent } from "@/lib/events/admin-events";
import { replayEventAction } from "../actions";
import { getViewerFormat } from "@/lib/locale/viewer";

export const metadata: Metadata = { title: "Stripe event" };
export const dynamic = "force-dynamic";

export default async function AdminEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  await requireRole("admin", `/admin/events/${eventId}`);
  const fmt = await getViewerFormat();
  const event = await getAdminEvent(eventId);
  if (!event) notFound();
  const rows: Array<[string, React.ReactNode]> = [
    ["Type", event.type],
    ["Endpoint", event.account ? <span key="acct">Connect, account <code>{event.account}</code></span> : "Platform"],
    ["Result", <span key="status" data-testid="event-status">{event.status}</span>],
    ["Attempts", <span key="attempts" data-testid="event-attempts">{event.attempts}</span>],
    ["Error", event.error ? <span key="error" className="text-red-700" data-testid="event-error">{event.error}</span> : "—"],
    ["Created at Stripe", fmt.date(event.createdAt, "date-time")],
    ["Received", fmt.date(event.receivedAt, "date-time")],
    ["Last handled", event.handledAt ? fmt.date(event.handledAt, "date-time") : "—"],
  ];

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/events">← All events</Link></p>
      <h1 className="page-title">Event {event.id}</h1>
      <DetailsList rows={rows} />
      <div className="mb-6 max-w-3xl space-y-2">
        <ActionButton action={replayEventAction} fields={{ eventId: event.id }} label="Replay" pendingLabel="Replaying…" />
        <p className="text-sm text-slate-500">
          Runs this event&apos;s handler again from the payload below. Handlers are idempotent: an event already handled changes
          nothing. The replay is recorded in the audit log.
        </p>
      </div>
      <h2 className="mb-3 text-lg font-semibold">Payload</h2>
      <pre className="card max-w-5xl overflow-x-auto text-xs" data-testid="event-payload" tabIndex={0} role="region" aria-label="Event payload">{event.payload}</pre>
    </>
  );
}
