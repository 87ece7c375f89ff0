import { handleAccountDeauthorized } from "./account-deauthorized";
import { handleAccountUpdated } from "./account-updated";
import type { EventHandler } from "./handlers";

/** Events of connected accounts (they carry `account`); every other type is stored and answered 2xx. */
export const connectEventHandlers: Partial<Record<string, EventHandler>> = {
  "account.updated": handleAccountUpdated,
  "account.application.deauthorized": handleAccountDeauthorized,
};
