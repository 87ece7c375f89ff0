// The shape of description.json, generated from stripe-node's type definitions by
// scripts/generate-api-description.ts. Object schemas live in `defs` and are referenced by index.

export type Schema =
  | "string"
  | "number"
  | "boolean"
  | "null"
  | "any"
  | { enum: string[] }
  | { array: Schema }
  | { oneOf: Schema[] }
  | { ref: number }
  | ObjectSchema;

export interface ObjectSchema {
  object: Record<string, Schema>;
  required?: string[];
  /** Fields holding an ID that `expand[]` turns into an object, or fields returned only when expanded. */
  expandable?: string[];
  /** The value schema of an index signature (metadata and other free-form hashes). */
  values?: Schema;
}

export interface EndpointDescription {
  /** stripe-node's method for this endpoint, or null when stripe-node has none (emulator-only route). */
  sdk: string | null;
  /** Accepted parameters (null: the method takes none). */
  params?: Schema | null;
  returns?: Schema;
  /** The endpoint answers a list (or search result) of `returns`. */
  list?: boolean;
}

export interface ApiDescription {
  generatedFrom: string;
  /** Keyed by endpointKey(): "POST /v1/customers/{}". */
  endpoints: Record<string, EndpointDescription>;
  /** `object` value (with ":deleted" for deleted stubs) → index in defs. */
  objects: Record<string, number>;
  defs: Schema[];
}

export function endpointKey(method: string, template: string): string {
  return `${method.toUpperCase()} ${template}`;
}
