// Decodes Stripe's form encoding: `a[b][c]=1`, `items[0][price]=x`, `expand[]=y`.
// Objects whose keys are all array indexes become arrays, as Stripe treats them.
import type { FormValue } from "./types.js";

type Tree = { [key: string]: Tree | string | Array<Tree | string> };

function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first <= 0) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(first))) !== null) parts.push(m[1]);
  return parts;
}

function assign(tree: Tree, parts: string[], value: string): void {
  let node: Tree = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (part === "") {
      // `a[]=x`: append to an array stored under a numeric key sequence
      const idx = String(Object.keys(node).length);
      if (last) node[idx] = value;
      else node = (node[idx] = {}) as Tree;
      continue;
    }
    if (last) {
      node[part] = value;
    } else {
      const existing = node[part];
      if (existing === undefined || typeof existing === "string") node[part] = {};
      node = node[part] as Tree;
    }
  }
}

function normalise(value: Tree | string | Array<Tree | string>): FormValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => normalise(value[k]));
  }
  const out: { [key: string]: FormValue } = {};
  for (const k of keys) out[k] = normalise(value[k]);
  return out;
}

export function parseForm(encoded: string): Record<string, FormValue> {
  const tree: Tree = {};
  if (!encoded) return {};
  for (const pair of encoded.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    const key = decodeURIComponent(rawKey.replace(/\+/g, " "));
    const value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    assign(tree, splitKey(key), value);
  }
  return normalise(tree) as Record<string, FormValue>;
}

/** Encodes a nested object the way stripe-node does (used by the emulator's own tests/pages). */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  const walk = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== "object") {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value === null ? "" : String(value))}`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(`${key}[${i}]`, v));
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
  };
  for (const [k, v] of Object.entries(data)) walk(k, v);
  return pairs.join("&");
}
