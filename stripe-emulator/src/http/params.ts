// Typed access to decoded request parameters, with Stripe's validation messages.
import { invalidRequest, parameterMissing } from "./errors.js";
import type { FormValue } from "./types.js";

export type Metadata = Record<string, string>;

export class Params {
  constructor(readonly raw: Record<string, FormValue>, private readonly prefix = "") {}

  private name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  str(key: string): string | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== "string") throw invalidRequest(`Invalid string: ${this.name(key)}`, this.name(key));
    return v;
  }

  /** A string, where "" means "unset" (Stripe's way of clearing a field). */
  nullableStr(key: string): string | null | undefined {
    const v = this.str(key);
    return v === "" ? null : v;
  }

  reqStr(key: string): string {
    const v = this.str(key);
    if (v === undefined || v === "") throw parameterMissing(this.name(key));
    return v;
  }

  int(key: string): number | undefined {
    const v = this.str(key);
    if (v === undefined || v === "") return undefined;
    if (!/^-?\d+$/.test(v)) throw invalidRequest(`Invalid integer: ${v}`, this.name(key));
    return Number(v);
  }

  reqInt(key: string): number {
    const v = this.int(key);
    if (v === undefined) throw parameterMissing(this.name(key));
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.str(key);
    if (v === undefined || v === "") return undefined;
    if (v === "true") return true;
    if (v === "false") return false;
    throw invalidRequest(`Invalid boolean: ${v}`, this.name(key));
  }

  obj(key: string): Params | undefined {
    const v = this.raw[key];
    if (v === undefined || v === "") return undefined;
    if (typeof v !== "object" || Array.isArray(v)) {
      throw invalidRequest(`Invalid object`, this.name(key));
    }
    return new Params(v as Record<string, FormValue>, this.name(key));
  }

  arr(key: string): FormValue[] | undefined {
    const v = this.raw[key];
    if (v === undefined || v === "") return undefined;
    if (Array.isArray(v)) return v;
    if (typeof v === "object") return Object.values(v);
    throw invalidRequest(`Invalid array`, this.name(key));
  }

  strArr(key: string): string[] | undefined {
    const a = this.arr(key);
    return a?.map((x) => {
      if (typeof x !== "string") throw invalidRequest(`Invalid array`, this.name(key));
      return x;
    });
  }

  objArr(key: string): Params[] | undefined {
    const a = this.arr(key);
    return a?.map((x, i) => {
      if (typeof x !== "object" || Array.isArray(x)) throw invalidRequest(`Invalid array`, this.name(key));
      return new Params(x as Record<string, FormValue>, `${this.name(key)}[${i}]`);
    });
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.str(key);
    if (v === undefined) return undefined;
    if (!allowed.includes(v as T)) {
      throw invalidRequest(
        `Invalid ${this.name(key)}: must be one of ${allowed.join(", ")}`,
        this.name(key),
      );
    }
    return v as T;
  }

  /** Applies `metadata[...]` to an existing metadata hash ("" removes a key, metadata="" clears). */
  metadata(existing: Metadata = {}, key = "metadata"): Metadata {
    const v = this.raw[key];
    if (v === undefined) return existing;
    if (v === "") return {};
    if (typeof v !== "object" || Array.isArray(v)) throw invalidRequest("Invalid metadata", key);
    const out: Metadata = { ...existing };
    for (const [k, val] of Object.entries(v)) {
      if (typeof val !== "string") throw invalidRequest("Invalid metadata", `${key}[${k}]`);
      if (val === "") delete out[k];
      else out[k] = val;
    }
    return out;
  }
}
