export type ConnectionStatus = "not_connected" | "ready" | "details_needed" | "under_review" | "disconnected";

export interface ConnectionSnapshot {
  stripeAccountId: string | null;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  disconnectedAt: Date | null;
}

/** The seller's connection in the words the seller page uses. */
export function describeConnection(snapshot: ConnectionSnapshot | null): ConnectionStatus {
  if (!snapshot?.stripeAccountId) return "not_connected";
  if (snapshot.disconnectedAt) return "disconnected";
  if (snapshot.chargesEnabled) return "ready";
  if (snapshot.detailsSubmitted && snapshot.requirementsDue.length === 0) return "under_review";
  return "details_needed";
}

export function canSellWith(snapshot: ConnectionSnapshot | null): boolean {
  return describeConnection(snapshot) === "ready";
}

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  not_connected: "Not connected",
  ready: "Ready to sell",
  details_needed: "Details needed",
  under_review: "Under review",
  disconnected: "Disconnected",
};
