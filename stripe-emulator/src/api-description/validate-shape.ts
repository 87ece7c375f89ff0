// Checks objects the emulator answers with (and sends in webhooks) against the description
// generated from stripe-node's types: every field stripe-node declares as always present must be
// there, and every field must have the declared type. Used by the emulator's own tests.
import { objectSchema, resolve } from "./description.js";
import type { ObjectSchema, Schema } from "./types.js";

export interface ShapeViolation {
  /** "payment_intent.latest_charge" style path from the checked object's type. */
  path: string;
  kind: "missing" | "type" | "unknown_object";
  detail: string;
}

type Json = unknown;

/** Every violation in `value` (a response body or an event), found wherever an `object` field names a type. */
export function shapeViolations(value: Json): ShapeViolation[] {
  const out: ShapeViolation[] = [];
  walk(value, "", out);
  return out;
}

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Finds typed objects anywhere (lists, event data) and checks each against its own schema. */
function walk(value: Json, path: string, out: ShapeViolation[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(value)) return;
  const type = typeof value.object === "string" ? value.object : null;
  if (type && type !== "list" && type !== "search_result") {
    const schema = schemaOf(value, type);
    if (!schema) out.push({ path: path || type, kind: "unknown_object", detail: `no description of "${type}"` });
    else checkObject(value, schema, type, out);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k !== "previous_attributes") walk(v, path ? `${path}.${k}` : k, out);
  }
}

function schemaOf(value: Record<string, Json>, type: string): ObjectSchema | undefined {
  if (type === "event" && typeof value.type === "string") return objectSchema(`event:${value.type}`) ?? objectSchema("event");
  return objectSchema(type, value.deleted === true);
}

function checkObject(value: Record<string, Json>, schema: ObjectSchema, path: string, out: ShapeViolation[]): void {
  for (const field of schema.required ?? []) {
    if (value[field] === undefined) out.push({ path: `${path}.${field}`, kind: "missing", detail: "required field absent" });
  }
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const fieldPath = `${path}.${k}`;
    const field = schema.object[k] ?? schema.values;
    if (k === "previous_attributes") continue;
    if (!field) {
      // Fields stripe-node does not declare are not errors here, but typed objects inside still are checked.
      walk(v, fieldPath, out);
      continue;
    }
    out.push(...check(v, field, fieldPath));
  }
}

function kindOfValue(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function schemaKinds(schema: Schema): string[] {
  const s = resolve(schema);
  if (s === "any") return ["any"];
  if (typeof s === "string") return [s];
  if ("enum" in s) return ["string"];
  if ("array" in s) return ["array"];
  if ("oneOf" in s) return s.oneOf.flatMap(schemaKinds);
  return ["object"];
}

function check(value: Json, schema: Schema, path: string): ShapeViolation[] {
  const s = resolve(schema);
  if (s === "any") {
    const nested: ShapeViolation[] = [];
    walk(value, path, nested);
    return nested;
  }
  const kind = kindOfValue(value);
  const wrong = (): ShapeViolation[] => [
    { path, kind: "type", detail: `${JSON.stringify(value)?.slice(0, 60)} is not ${describeSchema(s)}` },
  ];
  if (s === "string" || s === "number" || s === "boolean" || s === "null") return kind === s ? [] : wrong();
  if ("enum" in s) return typeof value === "string" && s.enum.includes(value) ? [] : wrong();
  if ("array" in s) {
    if (!Array.isArray(value)) return wrong();
    return value.flatMap((v, i) => check(v, s.array, `${path}[${i}]`));
  }
  if ("oneOf" in s) {
    let best: ShapeViolation[] | null = null;
    for (const member of s.oneOf) {
      const found = check(value, member, path);
      if (found.length === 0) return [];
      const fits = schemaKinds(member).includes(kind);
      if (fits && (best === null || found.length < best.length)) best = found;
    }
    return best ?? wrong();
  }
  if (!isRecord(value)) return wrong();
  const out: ShapeViolation[] = [];
  const type = typeof value.object === "string" ? value.object : null;
  // An expanded object is checked against its own type (the field's schema is a union of ID and type).
  const own = type && type !== "list" ? schemaOf(value, type) : undefined;
  checkObject(value, own ?? (s as ObjectSchema), path, out);
  return out;
}

function describeSchema(s: Schema): string {
  const r = resolve(s);
  if (typeof r === "string") return `a ${r}`;
  if ("enum" in r) return `one of ${r.enum.join(", ")}`;
  if ("array" in r) return "an array";
  if ("oneOf" in r) return r.oneOf.map(describeSchema).join(" or ");
  return "an object";
}
