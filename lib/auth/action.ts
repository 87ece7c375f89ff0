import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "./current-user";
import type { Role } from "./roles";

export interface ActionState {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was submitted (passwords left out), so a form that failed keeps its values. */
  values?: Record<string, string>;
}

export const NOT_LOGGED_IN = "Please log in to do that.";
export const NOT_A_FORM = "Please send the form again from the page.";
export const NOT_ALLOWED = "You are not allowed to do that.";
const UNEXPECTED = "Something went wrong on our side. Nothing was changed; please try again.";

/** One role, several roles (e.g. sellers and admins, who may both edit course content), or anyone signed in. */
type Audience = Role | readonly Role[] | "any-user";

/**
 * State is what the action answers: ActionState, or ActionState with more fields (a client
 * secret, an order ID), which must be optional since the wrapper's own answers leave them out.
 *
 * Wraps a server action for one trust level: the caller is read from the database, the role
 * checked, the form parsed with zod, and only then the handler runs. Anything unexpected is
 * logged and reported to the person without internals.
 */
export function protectedAction<Schema extends z.ZodType, State extends ActionState = ActionState>(
  audience: Audience,
  schema: Schema,
  handler: (input: z.output<Schema>, user: CurrentUser) => Promise<NoInfer<State>>,
) {
  return async (_previous: State | undefined, formData: FormData): Promise<State> => {
    if (!(formData instanceof FormData)) return refusal<State>(NOT_A_FORM);
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      // The session is read from the database: while it is unreachable the person gets the same
      // plain answer as for any other failure, not Next's error page.
      unstable_rethrow(error);
      console.error("server action: could not read the session", error);
      return refusal<State>(UNEXPECTED);
    }
    if (!user) return refusal<State>(NOT_LOGGED_IN);
    if (!admits(audience, user.role)) return refusal<State>(NOT_ALLOWED);
    return parseThenRun<Schema, State>(schema, formData, (input) => handler(input, user));
  };
}

/** The wrapper's own answer, without the action's extra (optional) fields. */
function refusal<State extends ActionState>(error: string, more: ActionState = {}): State {
  return { ...more, error } as State;
}

function admits(audience: Audience, role: Role): boolean {
  if (audience === "any-user") return true;
  return typeof audience === "string" ? audience === role : audience.includes(role);
}

/** For actions open to visitors (registration). */
export function publicAction<Schema extends z.ZodType, State extends ActionState = ActionState>(
  schema: Schema,
  handler: (input: z.output<Schema>) => Promise<NoInfer<State>>,
) {
  return async (_previous: State | undefined, formData: FormData): Promise<State> =>
    formData instanceof FormData ? parseThenRun<Schema, State>(schema, formData, handler) : refusal<State>(NOT_A_FORM);
}

async function parseThenRun<Schema extends z.ZodType, State extends ActionState>(
  schema: Schema,
  formData: FormData,
  handler: (input: z.output<Schema>) => Promise<State>,
): Promise<State> {
  const submitted = formDataToObject(formData);
  const values = Object.fromEntries(Object.entries(submitted).filter(([key]) => !/password/i.test(key)));
  const parsed = schema.safeParse(submitted, { error: messageForPeople });
  if (!parsed.success) {
    return refusal<State>("Please correct the fields marked below.", {
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      values,
    });
  }
  try {
    const result = await handler(parsed.data);
    return result.ok ? result : { values, ...result };
  } catch (error) {
    unstable_rethrow(error);
    console.error("server action failed", error);
    return refusal<State>(UNEXPECTED);
  }
}

/** Zod's own messages name types and codes; a field without a message of its own gets one of these. */
function messageForPeople(issue: z.core.$ZodRawIssue): string {
  const numeric = "origin" in issue && (issue.origin === "number" || issue.origin === "int");
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === "") return "This field is required.";
      return issue.expected === "number" || issue.expected === "int" ? "Enter a whole number." : "This value is not valid.";
    case "invalid_value":
      return "Choose one of the options.";
    case "too_big":
      return numeric ? "This number is too large." : "This is too long.";
    case "too_small":
      return numeric ? "This number is too small." : "This is too short.";
    case "invalid_format":
      return "This is not in the expected format.";
    default:
      return "This value is not valid.";
  }
}

function formDataToObject(formData: FormData): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") result[key] = value;
  }
  return result;
}
