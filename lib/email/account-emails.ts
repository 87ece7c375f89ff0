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

const ACCOUNT_LINK = /(\/(?:reset-password|verify-email)\?token=)[A-Za-z0-9_-]+/g;

export function hasAccountLink(text: string): boolean {
  return new RegExp(ACCOUNT_LINK.source).test(text);
}

/** The text of a sent link email with its token removed: the link worked once, from the inbox. */
export function withoutAccountLinks(text: string): string {
  return text.replace(ACCOUNT_LINK, "$1(removed after sending)");
}

interface LinkEmail {
  user: { name: string; email: string };
  /** The AccountToken row's ID: one email per link. */
  tokenId: string;
  url: string;
}

export function passwordResetEmail({ user, tokenId, url }: LinkEmail): EmailMessage {
  return {
    kind: "account",
    dedupeKey: `token:${tokenId}:password_reset`,
    to: user.email,
    subject: "Choose a new password",
    text: [
      greeting(user.name),
      "",
      "Someone (we hope you) asked to reset the password of your Coursemarket account. To choose",
      "a new password, open this link within an hour. It works once:",
      url,
      "",
      "After the reset you are logged out everywhere, and log in with the new password.",
      "",
      "If you did not ask for this, ignore this email: your password stays as it is.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export function verificationEmail({ user, tokenId, url }: LinkEmail): EmailMessage {
  return {
    kind: "account",
    dedupeKey: `token:${tokenId}:email_verification`,
    to: user.email,
    subject: "Confirm your email address",
    text: [
      greeting(user.name),
      "",
      "Welcome to Coursemarket. Please confirm that this address is yours: open this link within",
      "24 hours and press the button on the page:",
      url,
      "",
      "You can buy courses before confirming; selling (connecting a Stripe account) needs a",
      "confirmed address.",
      "",
      "If you did not create an account, ignore this email.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export function emailChangeEmail({ user, tokenId, url }: LinkEmail): EmailMessage {
  return {
    kind: "account",
    dedupeKey: `token:${tokenId}:email_change`,
    to: user.email,
    subject: "Confirm your new email address",
    text: [
      greeting(user.name),
      "",
      "You asked to use this address for your Coursemarket account. To confirm the change, open",
      "this link within 24 hours and press the button on the page:",
      url,
      "",
      "Until then your account keeps its current address. If you did not ask for this, ignore",
      "this email.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
