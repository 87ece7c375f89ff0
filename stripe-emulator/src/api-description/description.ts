// Loads the generated API description (see scripts/generate-api-description.ts) once.
import { readFileSync } from "node:fs";
import type { ApiDescription, EndpointDescription, ObjectSchema, Schema } from "./types.js";
import { endpointKey } from "./types.js";

let loaded: ApiDescription | null = null;

export function apiDescription(): ApiDescription {
  loaded ??= JSON.parse(readFileSync(new URL("./description.json", import.meta.url), "utf8")) as ApiDescription;
  return loaded;
}

/** The description of a route registered as e.g. ("POST", "/v1/customers/:id"). */
export function describeRoute(method: string, pattern: string): EndpointDescription | undefined {
  return apiDescription().endpoints[endpointKey(method, pattern.replace(/:\w+/g, "{}"))];
}

/** Follows `ref`s to the schema itself. */
export function resolve(schema: Schema): Exclude<Schema, { ref: number }> {
  let s = schema;
  while (typeof s === "object" && "ref" in s) s = apiDescription().defs[s.ref];
  return s as Exclude<Schema, { ref: number }>;
}

export function isObjectSchema(schema: Schema): schema is ObjectSchema {
  return typeof schema === "object" && "object" in schema;
}

/** The schema of a Stripe object by its `object` value (deleted stubs: `deleted: true`). */
export function objectSchema(objectType: string, deleted = false): ObjectSchema | undefined {
  const d = apiDescription();
  const id = d.objects[deleted ? `${objectType}:deleted` : objectType];
  return id === undefined ? undefined : (d.defs[id] as ObjectSchema);
}
