// /v1/disputes (disputes are opened by the dispute test cards or POST /_emulator/disputes)
import type { Emulator } from "../core/emulator.js";
import { apiRoute, findOwned, paginate } from "../http/api.js";
import type { Router } from "../http/types.js";
import { closeDispute, EVIDENCE_TEXT_FIELDS, updateDispute } from "../payments/disputes.js";

export function registerDisputes(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "GET", "/v1/disputes/:id", (ctx) => findOwned(ctx, ctx.route.id, "dispute", "dispute"));

  apiRoute(router, emu, "POST", "/v1/disputes/:id", (ctx) => {
    const dispute = findOwned(ctx, ctx.route.id, "dispute", "dispute");
    const p = ctx.params;
    const ev = p.obj("evidence");
    let evidence: Record<string, string | null> | undefined;
    if (ev) {
      evidence = {};
      for (const f of EVIDENCE_TEXT_FIELDS) if (ev.has(f)) evidence[f] = ev.nullableStr(f) ?? null;
    }
    // Stripe's `submit` defaults to true: evidence sent without submit=false is submitted.
    const submitParam = p.bool("submit");
    const submit = submitParam ?? !!evidence;
    updateDispute(emu, dispute, { evidence, metadata: p.has("metadata") ? p.metadata(dispute.metadata) : undefined, submit });
    return dispute;
  });

  apiRoute(router, emu, "POST", "/v1/disputes/:id/close", (ctx) => {
    const dispute = findOwned(ctx, ctx.route.id, "dispute", "dispute");
    closeDispute(emu, dispute, "lost");
    return dispute;
  });

  apiRoute(router, emu, "GET", "/v1/disputes", (ctx) => {
    const charge = ctx.params.str("charge");
    const pi = ctx.params.str("payment_intent");
    const items = emu.store.list("dispute", ctx.account, (d) => (!charge || d.charge === charge) && (!pi || d.payment_intent === pi));
    return paginate(ctx, items, "/v1/disputes");
  });
}
