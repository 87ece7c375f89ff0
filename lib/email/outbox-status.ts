/** queued: waiting (new, or after a failed attempt); sending: claimed by a sender; sent; failed: gave up. */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
