// Refuses request parameters as Stripe does, against the description generated from stripe-node's
// types: unknown parameters, missing required ones, wrong types, values outside an enum, and
// `expand[]` paths that do not name an expandable field.
import { ApiError, invalidRequest, parameterMissing } from "../http/errors.js";
import type { FormValue } from "../http/types.js";
import { isObjectSchema, resolve } from "./description.js";
import type { EndpointDescription, ObjectSchema, Schema } from "./types.js";

/** Parameters Stripe.js adds to the calls it makes with a publishable key. */
const BROWSER_PARAMS: Schema = {
  object: {
    client_secret: "string",
    key: "string",
    payment_user_agent: "string",
    muid: "string",
    guid: "string",
    sid: "string",
    time_on_page: "number",
    referrer: "string",
    use_stripe_sdk: "boolean",
    // Stripe.js sends `online[infer_from_client]=true` in place of the IP address and user agent.
    mandate_data: "any",
  },
};

const MAX_EXPAND_DEPTH = 4;

export function validateParams(
  endpoint: EndpointDescription,
  body: Record<string, FormValue>,
  opts: { publishable: boolean },
): void {
  if (endpoint.params === undefined) return;
  const params = endpoint.params === null ? { object: { expand: { array: "string" } } as Record<string, Schema> } : resolve(endpoint.params);
  if (!isObjectSchema(params)) return;
  const accepted: ObjectSchema = opts.publishable
    ? { ...params, object: { ...params.object, ...(BROWSER_PARAMS as ObjectSchema).object } }
    : params;
  const error = check(body, accepted, "");
  if (error) throw error;
  const expand = body.expand;
  if (Array.isArray(expand) && endpoint.returns) {
    expand.forEach((path) => {
      if (typeof path === "string") checkExpandPath(path, endpoint.returns!, endpoint.list ?? false);
    });
  }
}

function paramName(parent: string, key: string | number): string {
  return parent ? `${parent}[${key}]` : String(key);
}

function kindOf(value: FormValue): "object" | "array" | "string" {
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : "string";
}

function schemaKind(schema: Schema): "object" | "array" | "string" | "any" {
  const s = resolve(schema);
  if (s === "any") return "any";
  if (typeof s === "string") return "string";
  if ("enum" in s) return "string";
  if ("array" in s) return "array";
  if ("object" in s) return "object";
  return "any";
}

function describe(value: FormValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function listWords(values: string[]): string {
  const shown = values.map((v) => (v === "" ? '""' : v));
  if (shown.length <= 2) return shown.join(" or ");
  return `${shown.slice(0, -1).join(", ")}, or ${shown[shown.length - 1]}`;
}

function check(value: FormValue, schema: Schema, name: string): ApiError | null {
  const s = resolve(schema);
  if (s === "any") return null;
  if (s === "null") return value === "" ? null : invalidRequest(`Invalid ${name}: must be empty`, name);
  if (s === "string") {
    return typeof value === "string" ? null : invalidRequest(`Invalid string: ${describe(value)}`, name);
  }
  if (s === "number") {
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return null;
    return invalidRequest(`Invalid integer: ${describe(value)}`, name, "parameter_invalid_integer");
  }
  if (s === "boolean") {
    return value === "true" || value === "false" ? null : invalidRequest(`Invalid boolean: ${describe(value)}`, name);
  }
  if ("enum" in s) {
    if (typeof value === "string" && s.enum.includes(value)) return null;
    const allowed = s.enum.filter((v) => v !== "");
    if (value === "" && allowed.length > 0) {
      return invalidRequest(`Invalid ${name}: must be one of ${listWords(allowed)}`, name, "parameter_invalid_empty");
    }
    return invalidRequest(`Invalid ${name}: must be one of ${listWords(allowed)}`, name);
  }
  if ("array" in s) {
    if (!Array.isArray(value)) {
      // `a[0]=x&a[2]=y` decodes to an object with index keys, which Stripe takes as an array.
      if (typeof value === "object" && Object.keys(value).every((k) => /^\d+$/.test(k))) {
        return check(Object.values(value), s, name);
      }
      return invalidRequest("Invalid array", name);
    }
    for (let i = 0; i < value.length; i++) {
      const err = check(value[i], s.array, paramName(name, i));
      if (err) return err;
    }
    return null;
  }
  if ("oneOf" in s) {
    const errors: Array<{ schema: Schema; error: ApiError }> = [];
    for (const member of s.oneOf) {
      const error = check(value, member, name);
      if (!error) return null;
      errors.push({ schema: member, error });
    }
    const kind = kindOf(value);
    return (errors.find((e) => schemaKind(e.schema) === kind) ?? errors[0]).error;
  }
  return checkObject(value, s, name);
}

function checkObject(value: FormValue, s: ObjectSchema, name: string): ApiError | null {
  if (typeof value === "string") return invalidRequest("Invalid object", name);
  const entries: Array<[string, FormValue]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  for (const [key, v] of entries) {
    const field = s.object[key] ?? s.values;
    const param = paramName(name, key);
    if (!field) {
      return new ApiError(400, {
        type: "invalid_request_error",
        code: "parameter_unknown",
        message: `Received unknown parameter: ${param}`,
        param,
      });
    }
    const err = check(v, field, param);
    if (err) return err;
  }
  const present = new Set(entries.map(([k]) => k));
  for (const key of s.required ?? []) {
    if (!present.has(key)) return parameterMissing(paramName(name, key));
  }
  return null;
}

function expandError(path: string): ApiError {
  return invalidRequest(`This property cannot be expanded (${path}).`, "expand");
}

/** Walks `a.b.c` through the response type: each step a field, the last one expandable. */
function checkExpandPath(path: string, returns: Schema, list: boolean): void {
  const parts = path.split(".");
  let steps = parts;
  if (list) {
    if (parts[0] !== "data") throw expandError(path);
    steps = parts.slice(1);
  }
  if (steps.filter((p) => p !== "data").length > MAX_EXPAND_DEPTH) {
    throw invalidRequest(`You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${path}`, "expand");
  }
  let current: Schema[] = [returns];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const last = i === steps.length - 1;
    const next: Schema[] = [];
    let expandable = false;
    for (const schema of objectsOf(current)) {
      const field = schema.object[step];
      if (!field) continue;
      if (schema.expandable?.includes(step)) expandable = true;
      next.push(field);
    }
    if (next.length === 0) throw expandError(path);
    if (last && !expandable) throw expandError(path);
    current = next;
  }
}

/** The object schemas a field may hold (through unions, nullables and lists' `data`). */
function objectsOf(schemas: Schema[]): ObjectSchema[] {
  const out: ObjectSchema[] = [];
  const visit = (schema: Schema): void => {
    const s = resolve(schema);
    if (typeof s !== "object") return;
    if ("oneOf" in s) s.oneOf.forEach(visit);
    else if ("array" in s) visit(s.array);
    else if ("object" in s) out.push(s);
  };
  schemas.forEach(visit);
  return out;
}
