// Glue between the Router and API resource handlers: auth rules, parameters, expansion, lists.
import type { Emulator } from "../core/emulator.js";
import type { StripeObject } from "../store/store.js";
import { describeRoute } from "../api-description/description.js";
import { validateParams } from "../api-description/validate-params.js";
import { ApiError, invalidRequest, resourceMissing } from "./errors.js";
import { render } from "./expand.js";
import { Params } from "./params.js";
import type { EmulatorRequest, RouteParams, Router } from "./types.js";

export interface ApiContext {
  emu: Emulator;
  req: EmulatorRequest;
  /** The connected account from `Stripe-Account`, or null for the platform. */
  account: string | null;
  publishable: boolean;
  params: Params;
  expand: string[];
  route: RouteParams;
}

export type ApiHandler = (ctx: ApiContext) => StripeObject;

export interface RouteOptions {
  /** Real Stripe accepts a publishable key on this endpoint (Stripe.js calls it). */
  publishable?: boolean;
}

export function apiRoute(
  router: Router,
  emu: Emulator,
  method: string,
  pattern: string,
  handler: ApiHandler,
  opts: RouteOptions = {},
): void {
  const described = describeRoute(method, pattern);
  router.add(method, pattern, (req, route) => {
    const publishable = req.auth?.kind === "publishable";
    if (publishable && !opts.publishable) {
      throw new ApiError(401, {
        type: "invalid_request_error",
        message:
          "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
      });
    }
    if (described?.sdk) validateParams(described, req.body, { publishable });
    const params = new Params(req.body);
    const expand = params.strArr("expand") ?? [];
    const ctx: ApiContext = { emu, req, account: req.account ?? null, publishable, params, expand, route };
    const result = handler(ctx);
    emu.onChange();
    const body = render(emu, result, expand);
    for (const observe of emu.outputObservers) observe(`${method} ${pattern}`, body);
    return { status: 200, body };
  });
}

/** Finds an object of `objectType` owned by the request's account, or throws Stripe's 404. */
export function findOwned(
  ctx: ApiContext,
  id: string | undefined,
  objectType: string,
  kind: string = objectType,
  param = "id",
): StripeObject {
  const r = id ? ctx.emu.store.record(id) : undefined;
  if (!id || !r || r.object !== objectType || r.deleted || r.account !== ctx.account) {
    throw resourceMissing(kind, id ?? "", param);
  }
  return r.data;
}

/** A Stripe list object over `items` (newest first) honouring limit/starting_after/ending_before/created. */
export function paginate(ctx: ApiContext, items: StripeObject[], url: string): StripeObject {
  const p = ctx.params;
  const limit = p.int("limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest("Invalid limit: must be between 1 and 100", "limit");
  let list = items;
  const created = p.raw.created;
  if (typeof created === "string" && created !== "") {
    list = list.filter((o) => o.created === Number(created));
  } else if (created && typeof created === "object" && !Array.isArray(created)) {
    const c = new Params(created as Record<string, never>, "created");
    const gt = c.int("gt"), gte = c.int("gte"), lt = c.int("lt"), lte = c.int("lte");
    list = list.filter(
      (o) =>
        (gt === undefined || o.created > gt) &&
        (gte === undefined || o.created >= gte) &&
        (lt === undefined || o.created < lt) &&
        (lte === undefined || o.created <= lte),
    );
  }
  const startingAfter = p.str("starting_after");
  const endingBefore = p.str("ending_before");
  let page: StripeObject[];
  let hasMore: boolean;
  if (startingAfter) {
    const i = list.findIndex((o) => o.id === startingAfter);
    if (i === -1) throw resourceMissing("object", startingAfter, "starting_after");
    const rest = list.slice(i + 1);
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (endingBefore) {
    const i = list.findIndex((o) => o.id === endingBefore);
    if (i === -1) throw resourceMissing("object", endingBefore, "ending_before");
    const before = list.slice(0, i);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    page = list.slice(0, limit);
    hasMore = list.length > limit;
  }
  return { object: "list", data: page, has_more: hasMore, url };
}

export function deletedStub(id: string, object: string): StripeObject {
  return { id, object, deleted: true };
}
