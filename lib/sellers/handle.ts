/** A seller's handle: the last part of /sellers/<handle>. Pure rules, tested as a table. */
export const HANDLE_MIN = 3;
export const HANDLE_MAX = 40;
const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type HandleCheck = { ok: true; handle: string } | { ok: false; message: string };

/** Upper case is folded to lower case; anything else that is not a letter, digit or single hyphen is refused. */
export function checkHandle(input: string): HandleCheck {
  const handle = input.trim().toLowerCase();
  if (handle.length < HANDLE_MIN) return { ok: false, message: `A handle needs at least ${HANDLE_MIN} characters.` };
  if (handle.length > HANDLE_MAX) return { ok: false, message: `A handle can have at most ${HANDLE_MAX} characters.` };
  if (!HANDLE.test(handle)) {
    return { ok: false, message: "Use only letters a–z, digits and single hyphens between them (for example sam-seller)." };
  }
  return { ok: true, handle };
}

/** A handle suggested from a name: "Zoë O'Neil" → "zoe-oneil"; "seller" when nothing usable is left. */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, HANDLE_MAX - 5)
    .replace(/-+$/, "");
  return base.length >= HANDLE_MIN ? base : "seller";
}
