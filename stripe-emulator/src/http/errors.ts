// Stripe-shaped API errors. Handlers throw ApiError; the server turns it into
// `{ error: { type, code, decline_code, message, param, doc_url, ... } }`.

export type StripeErrorType =
  | "api_error"
  | "card_error"
  | "idempotency_error"
  | "invalid_request_error";

export interface ErrorBody {
  type: StripeErrorType | string;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  [extra: string]: unknown;
}

export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  /** Whether an Idempotency-Key should remember this answer (Stripe keeps answers once execution began). */
  readonly saveIdempotent: boolean;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    body: ErrorBody,
    opts: { saveIdempotent?: boolean; headers?: Record<string, string> } = {},
  ) {
    super(body.message);
    this.status = status;
    this.body = body.code && !body.doc_url ? { ...body, doc_url: docUrl(body.code) } : body;
    this.saveIdempotent = opts.saveIdempotent ?? status === 402;
    this.headers = opts.headers ?? {};
  }

  toResponseBody(): { error: ErrorBody } {
    return { error: this.body };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): ApiError {
  return new ApiError(400, { type: "invalid_request_error", message, param, code });
}

export function parameterMissing(param: string): ApiError {
  return new ApiError(400, {
    type: "invalid_request_error",
    code: "parameter_missing",
    message: `Missing required param: ${param}.`,
    param,
  });
}

export function resourceMissing(kind: string, id: string, param = "id"): ApiError {
  return new ApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

export function unexpectedState(message: string, code: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(400, { type: "invalid_request_error", code, message, ...extra });
}

/** A key shown in an error message as Stripe shows it: the start and the last four characters. */
export function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
}

/** Stripe's answer for an account the platform cannot act for (never connected, or access revoked). */
export function accountInvalid(key: string, account: string): ApiError {
  return new ApiError(403, {
    type: "invalid_request_error",
    code: "account_invalid",
    message: `The provided key '${maskKey(key)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  });
}
