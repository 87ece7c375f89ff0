// The API version stripe-node 23.1.0 pins; object shapes follow it.
export const API_VERSION = "2026-10-28.endive";
