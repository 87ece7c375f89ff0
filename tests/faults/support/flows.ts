// The money flows the fault suite breaks: each prepares its world without faults, then acts as
// the person would (the same lib/ functions the server actions and pages call, retried the way a
// person retries), then checks from Stripe's side and the database's that nothing went wrong.
import type { TestStripe } from "../../integration/support/stripe-emulator";
import { connectFlows } from "./connect-flows";
import { flowKit, type FaultFlow } from "./fault-flow";
import { membershipFlows } from "./membership-flows";
import { purchaseFlows } from "./purchase-flows";

export function faultFlows(stripe: TestStripe): FaultFlow[] {
  const kit = flowKit(stripe);
  return [...purchaseFlows(kit), ...membershipFlows(kit), ...connectFlows(kit)];
}
