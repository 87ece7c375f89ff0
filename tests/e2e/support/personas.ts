import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { E2E_PORT } from "../../../playwright.config";
import { createUser } from "./database";

export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const PERSONAS = ["visitor", "buyer", "otherSeller", "owner", "admin"] as const;
export type Persona = (typeof PERSONAS)[number];

export interface PersonaSession {
  persona: Persona;
  id?: string;
  email?: string;
  request: APIRequestContext;
}

/** Logs in through next-auth's credentials endpoint, exactly what the login form posts. */
export async function logInOverHttp(request: APIRequestContext, who: { email: string; password: string }) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: who.email, password: who.password, csrfToken, redirect: "false", callbackUrl: `${BASE_URL}/login`, json: "true" },
  });
  return response;
}

export async function signedInEmail(request: APIRequestContext): Promise<string | undefined> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  return session.user?.email;
}

const ROLE_OF: Record<Exclude<Persona, "visitor">, "buyer" | "seller" | "admin"> = {
  buyer: "buyer",
  otherSeller: "seller",
  owner: "seller",
  admin: "admin",
};

/** A fresh user per persona (the visitor has none), each with its own cookie jar. */
export async function openPersonas(): Promise<Record<Persona, PersonaSession>> {
  const sessions = {} as Record<Persona, PersonaSession>;
  for (const persona of PERSONAS) {
    const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
    if (persona === "visitor") {
      sessions[persona] = { persona, request };
      continue;
    }
    const user = await createUser(ROLE_OF[persona], `matrix-${persona.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);
    await logInOverHttp(request, user);
    expect(await signedInEmail(request), persona).toBe(user.email);
    sessions[persona] = { persona, id: user.id, email: user.email, request };
  }
  return sessions;
}
