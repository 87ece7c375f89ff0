// The emulator's internal HTTP contract: every route module (API resources, hosted pages,
// the Stripe.js stand-in) registers handlers on a Router of this shape.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export interface EmulatorRequest {
  method: string;
  /** Path without the query string, e.g. "/v1/customers/cus_123". */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>;
  rawBody: string;
  /** Form-encoded body (or query for GET) decoded with Stripe's bracket syntax. */
  body: Record<string, FormValue>;
  /** Set by the server for every request: the `Request-Id` it answers with. */
  requestId?: string;
  /** Set by the server from `Authorization`: which kind of key was presented (if any). */
  auth?: { kind: "secret" | "publishable"; key: string } | null;
  /** Set by the server from the `Stripe-Account` header (null = the platform itself). */
  account?: string | null;
}

/** A request as the server read it: the fields it sets are always there. */
export type ReceivedRequest = EmulatorRequest & Required<Pick<EmulatorRequest, "requestId" | "auth" | "account">>;

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is (set content-type in headers). */
  body: string | object;
}

export type RouteParams = Record<string, string>;

export type Handler = (
  req: EmulatorRequest,
  params: RouteParams,
) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Router {
  /** pattern like "/v1/customers/:id"; params are filled from ":name" segments. */
  add(method: string, pattern: string, handler: Handler): void;
}
