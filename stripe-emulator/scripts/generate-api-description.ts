// Builds src/api-description/description.json from stripe-node's own type definitions (read with
// the TypeScript compiler API): for every /v1 endpoint the emulator serves, the accepted parameters
// and the response type, and for every object type those endpoints return, its fields. The
// emulator validates requests (and its tests validate responses and webhook payloads) against it.
//
//   npx tsx stripe-emulator/scripts/generate-api-description.ts          writes the file
//   npx tsx stripe-emulator/scripts/generate-api-description.ts --check  fails if it is stale
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { Emulator } from "../src/core/emulator.js";
import { resolveOptions } from "../src/core/options.js";
import { buildRouter } from "../src/index.js";
import type { ApiDescription, Schema } from "../src/api-description/types.js";
import { endpointKey } from "../src/api-description/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const emulatorRoot = path.resolve(here, "..");
const stripeRoot = path.resolve(emulatorRoot, "../node_modules/stripe");
export const DESCRIPTION_FILE = path.join(emulatorRoot, "src/api-description/description.json");

function listFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, suffix));
    else if (name.endsWith(suffix)) out.push(full);
  }
  return out;
}

/** The emulator's own /v1 routes, read from its router. */
function emulatorRoutes(): Array<{ method: string; pattern: string }> {
  const emu = new Emulator(resolveOptions({ port: 0 }));
  const router = buildRouter(emu, { getTargets: () => [], setTargets: () => {} } as never);
  return router
    .routes()
    .filter((r) => r.pattern.startsWith("/v1/"))
    .map((r) => ({ method: r.method, pattern: r.pattern }));
}

interface SdkMethod {
  className: string;
  methodName: string;
  httpMethod: string;
  key: string;
  file: string;
}

/** stripe-node's resource classes: `name(...) { return this._makeRequest('POST', `/v1/...`` */
function sdkMethods(): SdkMethod[] {
  const out: SdkMethod[] = [];
  for (const file of listFiles(path.join(stripeRoot, "esm/resources"), ".js")) {
    const src = readFileSync(file, "utf8");
    const className = /export class (\w+) extends StripeResource/.exec(src)?.[1];
    if (!className) continue;
    let methodName = "";
    for (const line of src.split("\n")) {
      const header = /^ {4}(\w+)\([^)]*\) \{$/.exec(line);
      if (header) methodName = header[1];
      const call = /this\._makeRequest\('(\w+)', [`'](\/v1\/[^`']*)[`']/.exec(line);
      if (!call || !methodName) continue;
      out.push({
        className,
        methodName,
        httpMethod: call[1],
        key: endpointKey(call[1], call[2].replace(/\$\{[^}]+\}/g, "{}")),
        file: file.replace(/\.js$/, ".d.ts"),
      });
    }
  }
  return out;
}

class SchemaBuilder {
  readonly defs: Schema[] = [];
  readonly objects: Record<string, number> = {};
  private readonly ids = new Map<ts.Type, number>();

  constructor(private readonly checker: ts.TypeChecker) {}

  schema(type: ts.Type, depth = 0): Schema {
    const c = this.checker;
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return "any";
    if (f & ts.TypeFlags.StringLiteral) return { enum: [(type as ts.StringLiteralType).value] };
    if (f & ts.TypeFlags.String) return "string";
    if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return "number";
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return "boolean";
    if (f & ts.TypeFlags.Null) return "null";
    if (f & ts.TypeFlags.Undefined) return "any";
    const name = type.aliasSymbol?.name ?? type.getSymbol()?.name;
    if (name === "Decimal" || name === "DecimalImpl") return "string";
    if (type.isUnion()) return this.union(type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined)), depth);
    if (type.isIntersection()) {
      // `string & Record<never, never>` (stripe-node's OtherString) is a string.
      if (type.types.some((t) => t.flags & ts.TypeFlags.String)) return "string";
    }
    if (c.isArrayType(type) || c.isTupleType(type)) {
      const [element] = c.getTypeArguments(type as ts.TypeReference);
      return { array: element ? this.schema(element, depth + 1) : "any" };
    }
    if (f & ts.TypeFlags.Object || type.isIntersection()) return { ref: this.object(type, depth) };
    return "any";
  }

  private union(members: ts.Type[], depth: number): Schema {
    const literals: string[] = [];
    const rest: Schema[] = [];
    let booleans = 0;
    let otherString = false;
    for (const m of members) {
      // stripe-node joins enums with OtherString (`string & Record<never, never>`) so that new values
      // type-check; the API itself refuses values outside the documented list.
      if (m.isIntersection() && m.types.some((t) => t.flags & ts.TypeFlags.String)) otherString = true;
      else if (m.flags & ts.TypeFlags.StringLiteral) literals.push((m as ts.StringLiteralType).value);
      else if (m.flags & ts.TypeFlags.BooleanLiteral) booleans++;
      else rest.push(this.schema(m, depth + 1));
    }
    const oneOf: Schema[] = [];
    // A literal list joined with a plain string (stripe-node's `'a' | 'b' | OtherString`) is open.
    if (literals.length > 0 && !rest.includes("string")) oneOf.push({ enum: literals.sort() });
    else if (otherString && !rest.includes("string")) oneOf.push("string");
    if (booleans > 0) oneOf.push("boolean");
    for (const s of rest) if (!oneOf.some((o) => JSON.stringify(o) === JSON.stringify(s))) oneOf.push(s);
    return oneOf.length === 1 ? oneOf[0] : { oneOf };
  }

  private object(type: ts.Type, depth: number): number {
    const known = this.ids.get(type);
    if (known !== undefined) return known;
    const id = this.defs.length;
    this.ids.set(type, id);
    this.defs.push({ object: {} });
    const c = this.checker;
    const fields: Record<string, Schema> = {};
    const required: string[] = [];
    const expandable: string[] = [];
    for (const prop of c.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!decl || ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) continue;
      const propType = c.getTypeOfSymbolAtLocation(prop, decl);
      if (propType.getCallSignatures().length > 0) continue;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      fields[prop.name] = this.schema(propType, depth + 1);
      if (!optional) required.push(prop.name);
      const expandsToObject =
        propType.isUnion() &&
        propType.types.some((t) => t.flags & ts.TypeFlags.String) &&
        propType.types.some((t) => t.flags & ts.TypeFlags.Object && t.getProperty("object"));
      // Response objects mark as optional exactly the fields Stripe returns only when expanded.
      const includable = optional && prop.name !== "deleted" && type.getProperty("object") !== undefined;
      if (expandsToObject || includable) {
        expandable.push(prop.name);
      }
    }
    const index = c.getIndexInfosOfType(type)[0];
    const def: Schema = { object: fields };
    if (required.length) def.required = required;
    if (expandable.length) def.expandable = expandable;
    if (index) def.values = this.schema(index.type, depth + 1);
    this.defs[id] = def;
    const objectLiteral = type.getProperty("object");
    if (objectLiteral && fields.object && typeof fields.object === "object" && "enum" in fields.object) {
      const [value] = fields.object.enum;
      const deletedProp = type.getProperty("deleted");
      const deleted = deletedProp && !(deletedProp.flags & ts.SymbolFlags.Optional) ? ":deleted" : "";
      // Each event type has its own interface (its data.object typed); keyed "event:<type>".
      const eventType = value === "event" && fields.type && typeof fields.type === "object" && "enum" in fields.type && fields.type.enum.length === 1 ? `:${fields.type.enum[0]}` : "";
      if (value !== "list" && value !== "search_result") this.objects[`${value}${deleted}${eventType}`] ??= id;
    }
    return id;
  }
}

export function generateDescription(): ApiDescription {
  const routes = emulatorRoutes();
  const methods = new Map<string, SdkMethod>();
  for (const m of sdkMethods()) if (!methods.has(m.key)) methods.set(m.key, m);

  const files = [...new Set([...methods.values()].map((m) => m.file))];
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const builder = new SchemaBuilder(checker);
  const endpoints: ApiDescription["endpoints"] = {};

  for (const route of routes.sort((a, b) => endpointKey(a.method, a.pattern).localeCompare(endpointKey(b.method, b.pattern)))) {
    const key = endpointKey(route.method, route.pattern.replace(/:\w+/g, "{}"));
    const sdk = methods.get(key);
    if (!sdk) {
      endpoints[key] = { sdk: null };
      continue;
    }
    const source = program.getSourceFile(sdk.file)!;
    let signature: ts.MethodDeclaration | undefined;
    source.forEachChild((node) => {
      if (ts.isClassDeclaration(node) && node.name?.text === sdk.className) {
        for (const member of node.members) {
          if (ts.isMethodDeclaration(member) && member.name.getText(source) === sdk.methodName) signature ??= member;
        }
      }
    });
    if (!signature) throw new Error(`no declaration for ${sdk.className}.${sdk.methodName}`);
    const paramsDecl = signature.parameters.find((p) => p.name.getText(source) === "params");
    const params = paramsDecl ? builder.schema(checker.getNonNullableType(checker.getTypeAtLocation(paramsDecl))) : null;
    const returnText = signature.type?.getText(source) ?? "";
    const list = /^Api(List|SearchResult)Promise</.test(returnText);
    const returned = returnText.match(/<(?:Response<)?([\w.]+)/)?.[1];
    const returnType = returned ? checker.getTypeAtLocation(findTypeNode(signature.type!, returned)!) : undefined;
    endpoints[key] = {
      sdk: `${sdk.className.replace(/Resource$/, "")}.${sdk.methodName}`,
      params,
      returns: returnType ? builder.schema(returnType) : "any",
      list,
    };
  }
  // Every object type reachable from stripe-node's resource files, so nested and webhook objects validate too.
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    source.forEachChild((node) => {
      const declaresObject = (n: ts.InterfaceDeclaration) =>
        n.members.some((m) => m.name?.getText(source) === "object") ||
        n.heritageClauses?.some((h) => h.getText(source).includes("EventBase"));
      if (ts.isInterfaceDeclaration(node) && declaresObject(node)) {
        builder.schema(checker.getTypeAtLocation(node));
      }
    });
  }
  const stripeVersion = JSON.parse(readFileSync(path.join(stripeRoot, "package.json"), "utf8")).version as string;
  return { generatedFrom: `stripe-node ${stripeVersion}`, endpoints, objects: sortKeys(builder.objects), defs: builder.defs };
}

function findTypeNode(node: ts.Node, name: string): ts.TypeReferenceNode | undefined {
  if (ts.isTypeReferenceNode(node) && node.typeName.getText() === name) return node;
  return node.forEachChild((child) => findTypeNode(child, name));
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = `${JSON.stringify(generateDescription())}\n`;
  if (process.argv.includes("--check")) {
    const current = readFileSync(DESCRIPTION_FILE, "utf8");
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), DESCRIPTION_FILE)} is stale: run npx tsx stripe-emulator/scripts/generate-api-description.ts`);
      process.exit(1);
    }
    console.log("API description is up to date.");
  } else {
    writeFileSync(DESCRIPTION_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), DESCRIPTION_FILE)} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
}
