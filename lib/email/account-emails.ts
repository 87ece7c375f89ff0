import { greeting, SIGNATURE, type EmailMessage } from "./email-message";

/**
 * Someone tried to create an account with an address that already has one. The page answers
 * them as it answers a new address; the owner learns of it here (at most once an hour).
 */
export function registrationAttemptEmail(owner: { id: string; name: string; email: string }, loginUrl: string, now = new Date()): EmailMessage {
  const hour = Math.floor(now.getTime() / (60 * 60 * 1000));
  return {
    kind: "account",
    dedupeKey: `user:${owner.id}:registration_attempt:${hour}`,
    to: owner.email,
    subject: "Someone tried to sign up with your email address",
    text: [
      greeting(owner.name),
      "",
      "Someone just tried to create a Coursemarket account with this email address. You already",
      "have an account, so nothing was created and nothing about your account changed.",
      "",
      "If it was you, log in with your existing password:",
      loginUrl,
      "",
      "If it was not you, you can ignore this email.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
