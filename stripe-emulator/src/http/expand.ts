// Renders stored objects for a response: fills "includable" fields that Stripe only
// returns when expanded (invoice.confirmation_secret, invoice.payments, charge.refunds, ...)
// and replaces IDs by objects along every `expand[]` path (nested, through lists with `data`).
import type { Emulator } from "../core/emulator.js";
import type { StripeObject } from "../store/store.js";

export type Includable = (emu: Emulator, owner: StripeObject) => unknown;

const includables = new Map<string, Map<string, Includable>>();

/** Declares a field of `objectType` that is absent unless expanded. */
export function registerIncludable(objectType: string, field: string, fn: Includable): void {
  if (!includables.has(objectType)) includables.set(objectType, new Map());
  includables.get(objectType)!.set(field, fn);
}

interface PathTree {
  [key: string]: PathTree;
}

function buildTree(paths: string[]): PathTree {
  const root: PathTree = {};
  for (const path of paths) {
    let node = root;
    for (const part of path.split(".")) {
      if (!part) continue;
      node = node[part] ??= {};
    }
  }
  return root;
}

export function render<T>(emu: Emulator, value: T, expand: string[] = []): T {
  const copy = structuredClone(value);
  if (expand.length === 0) return copy;
  return apply(emu, copy, buildTree(expand)) as T;
}

function lookup(emu: Emulator, id: string): StripeObject | undefined {
  const r = emu.store.record(id);
  if (!r) return undefined;
  if (r.deleted) return { id: r.id, object: r.object, deleted: true };
  return structuredClone(r.data);
}

function expandValue(emu: Emulator, value: unknown, tree: PathTree): unknown {
  if (typeof value === "string") {
    const found = lookup(emu, value);
    if (!found) return value;
    return apply(emu, found, tree);
  }
  if (Array.isArray(value)) return value.map((v) => expandValue(emu, v, tree));
  if (value && typeof value === "object") return apply(emu, value, tree);
  return value;
}

function apply(emu: Emulator, obj: unknown, tree: PathTree): unknown {
  if (Array.isArray(obj)) return obj.map((o) => apply(emu, o, tree));
  if (!obj || typeof obj !== "object") return obj;
  const target = obj as StripeObject;
  for (const [key, sub] of Object.entries(tree)) {
    if (target[key] === undefined) {
      const inc = includables.get(target.object)?.get(key);
      if (!inc) continue;
      target[key] = inc(emu, target);
    }
    target[key] = expandValue(emu, target[key], sub);
  }
  return target;
}
