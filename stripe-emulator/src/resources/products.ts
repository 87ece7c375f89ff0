// /v1/products and /v1/prices
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { apiRoute, deletedStub, findOwned, paginate, type ApiContext } from "../http/api.js";
import { invalidRequest, parameterMissing } from "../http/errors.js";
import type { Params } from "../http/params.js";
import type { Router } from "../http/types.js";
import type { StripeObject } from "../store/store.js";
import { emitEvent, updateAndEmit } from "../webhooks/events.js";

const INTERVALS = ["day", "week", "month", "year"] as const;

function insertProduct(ctx: ApiContext, p: Params): StripeObject {
  const product: StripeObject = {
    id: p.str("id") ?? newId("prod"),
    object: "product",
    active: p.bool("active") ?? true,
    created: ctx.emu.now(),
    default_price: null,
    description: p.str("description") ?? null,
    images: p.strArr("images") ?? [],
    livemode: false,
    marketing_features: [],
    metadata: p.metadata({}),
    name: p.reqStr("name"),
    package_dimensions: null,
    shippable: null,
    statement_descriptor: p.str("statement_descriptor") ?? null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: p.str("unit_label") ?? null,
    updated: ctx.emu.now(),
    url: p.str("url") ?? null,
  };
  if (ctx.emu.store.record(product.id)) throw invalidRequest(`Product already exists.`, "id", "resource_already_exists");
  ctx.emu.store.insert(ctx.account, product);
  emitEvent(ctx.emu, "product.created", ctx.account, product);
  return product;
}

export function asPlan(price: StripeObject): StripeObject | null {
  if (!price.recurring) return null;
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring.interval,
    interval_count: price.recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

/** Creates a price from `price` params or inline `price_data` (subscriptions, invoice items). */
export function insertPrice(ctx: ApiContext, p: Params, productId: string, emit = true): StripeObject {
  const currency = p.reqStr("currency").toLowerCase();
  const unitAmount = p.int("unit_amount") ?? (p.str("unit_amount_decimal") ? Math.round(Number(p.str("unit_amount_decimal"))) : undefined);
  if (unitAmount === undefined) throw parameterMissing("unit_amount");
  if (unitAmount < 0) throw invalidRequest("Invalid non-negative integer", "unit_amount");
  const rec = p.obj("recurring");
  const lookupKey = p.str("lookup_key") ?? null;
  if (lookupKey) {
    const existing = ctx.emu.store.list("price", ctx.account, (x) => x.lookup_key === lookupKey);
    if (existing.length > 0) {
      if (p.bool("transfer_lookup_key")) {
        for (const old of existing) updateAndEmit(ctx.emu, old, "price.updated", (o) => (o.lookup_key = null));
      } else {
        throw invalidRequest(
          `A price (\`${existing[0].id}\`) already uses that lookup key. Use \`transfer_lookup_key\` to transfer the lookup key to this price.`,
          "lookup_key",
        );
      }
    }
  }
  const price: StripeObject = {
    id: newId("price"),
    object: "price",
    active: p.bool("active") ?? true,
    billing_scheme: "per_unit",
    created: ctx.emu.now(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: lookupKey,
    metadata: p.metadata({}),
    nickname: p.str("nickname") ?? null,
    product: productId,
    recurring: rec
      ? {
          interval: rec.oneOf("interval", INTERVALS) ?? (() => { throw parameterMissing("recurring[interval]"); })(),
          interval_count: rec.int("interval_count") ?? 1,
          meter: null,
          trial_period_days: rec.int("trial_period_days") ?? null,
          usage_type: "licensed",
        }
      : null,
    tax_behavior: p.str("tax_behavior") ?? "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: rec ? "recurring" : "one_time",
    unit_amount: unitAmount,
    unit_amount_decimal: String(unitAmount),
  };
  ctx.emu.store.insert(ctx.account, price);
  if (emit) emitEvent(ctx.emu, "price.created", ctx.account, price);
  return price;
}

export function registerProducts(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "POST", "/v1/products", (ctx) => {
    const product = insertProduct(ctx, ctx.params);
    const dpd = ctx.params.obj("default_price_data");
    if (dpd) {
      const price = insertPrice(ctx, dpd, product.id);
      product.default_price = price.id;
    }
    return product;
  });
  apiRoute(router, emu, "GET", "/v1/products/:id", (ctx) => findOwned(ctx, ctx.route.id, "product", "product"));
  apiRoute(router, emu, "POST", "/v1/products/:id", (ctx) => {
    const product = findOwned(ctx, ctx.route.id, "product", "product");
    const p = ctx.params;
    updateAndEmit(emu, product, "product.updated", (o) => {
      for (const k of ["name", "description", "statement_descriptor", "unit_label", "url"]) if (p.has(k)) o[k] = p.nullableStr(k) ?? null;
      if (p.has("active")) o.active = p.bool("active");
      if (p.has("images")) o.images = p.strArr("images") ?? [];
      if (p.has("default_price")) o.default_price = p.nullableStr("default_price") ?? null;
      o.metadata = p.metadata(o.metadata);
      o.updated = emu.now();
    });
    return product;
  });
  apiRoute(router, emu, "DELETE", "/v1/products/:id", (ctx) => {
    const product = findOwned(ctx, ctx.route.id, "product", "product");
    if (emu.store.list("price", ctx.account, (p) => p.product === product.id).length > 0) {
      throw invalidRequest("This product cannot be deleted because it has one or more user-created prices.", "id");
    }
    emu.store.markDeleted(product.id);
    emitEvent(emu, "product.deleted", ctx.account, product);
    return deletedStub(product.id, "product");
  });
  apiRoute(router, emu, "GET", "/v1/products", (ctx) => {
    const active = ctx.params.bool("active");
    const ids = ctx.params.strArr("ids");
    return paginate(ctx, emu.store.list("product", ctx.account, (p) => (active === undefined || p.active === active) && (!ids || ids.includes(p.id))), "/v1/products");
  });

  apiRoute(router, emu, "POST", "/v1/prices", (ctx) => {
    const p = ctx.params;
    let productId = p.str("product");
    const productData = p.obj("product_data");
    if (productId) findOwned(ctx, productId, "product", "product", "product");
    else if (productData) productId = insertProduct(ctx, productData).id;
    else throw parameterMissing("product");
    return insertPrice(ctx, p, productId!);
  });
  apiRoute(router, emu, "GET", "/v1/prices/:id", (ctx) => findOwned(ctx, ctx.route.id, "price", "price"));
  apiRoute(router, emu, "POST", "/v1/prices/:id", (ctx) => {
    const price = findOwned(ctx, ctx.route.id, "price", "price");
    const p = ctx.params;
    if (p.has("lookup_key")) {
      const key = p.nullableStr("lookup_key");
      const clash = key ? emu.store.list("price", ctx.account, (x) => x.lookup_key === key && x.id !== price.id) : [];
      if (clash.length > 0 && !p.bool("transfer_lookup_key")) {
        throw invalidRequest(`A price (\`${clash[0].id}\`) already uses that lookup key.`, "lookup_key");
      }
      for (const old of clash) updateAndEmit(emu, old, "price.updated", (o) => (o.lookup_key = null));
    }
    updateAndEmit(emu, price, "price.updated", (o) => {
      if (p.has("active")) o.active = p.bool("active");
      if (p.has("nickname")) o.nickname = p.nullableStr("nickname") ?? null;
      if (p.has("lookup_key")) o.lookup_key = p.nullableStr("lookup_key") ?? null;
      o.metadata = p.metadata(o.metadata);
    });
    return price;
  });
  apiRoute(router, emu, "GET", "/v1/prices", (ctx) => {
    const p = ctx.params;
    const active = p.bool("active");
    const product = p.str("product");
    const type = p.str("type");
    const currency = p.str("currency");
    const lookupKeys = p.strArr("lookup_keys");
    const interval = p.obj("recurring")?.str("interval");
    const items = emu.store.list(
      "price",
      ctx.account,
      (x) =>
        (active === undefined || x.active === active) &&
        (!product || x.product === product) &&
        (!type || x.type === type) &&
        (!currency || x.currency === currency) &&
        (!lookupKeys || lookupKeys.includes(x.lookup_key)) &&
        (!interval || x.recurring?.interval === interval),
    );
    return paginate(ctx, items, "/v1/prices");
  });
}
