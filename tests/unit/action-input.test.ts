import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NOT_A_FORM, publicAction } from "@/lib/auth/action";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const action = publicAction(
  z.object({
    name: z.string().trim().min(1),
    amount: z.coerce.number().int().min(0),
    kind: z.enum(["a", "b"]),
    code: z.string().max(3),
    when: z.iso.date(),
  }),
  async () => ({ ok: true, message: "ran" }),
);

describe("action input", () => {
  it("gives every zod issue without its own message one written for people", async () => {
    const state = await action(undefined, form({ amount: "NaN", kind: "c", code: "toolong", when: "yesterday" }));
    expect(state.fieldErrors).toEqual({
      name: ["This field is required."],
      amount: ["Enter a whole number."],
      kind: ["Choose one of the options."],
      code: ["This is too long."],
      when: ["This is not in the expected format."],
    });
    expect(await action(undefined, form({ name: "x", amount: "-1", kind: "a", code: "ok", when: "2026-01-01" }))).toMatchObject({
      fieldErrors: { amount: ["This number is too small."] },
    });
  });

  it("keeps the schema's own messages", async () => {
    const own = publicAction(z.object({ email: z.email("Enter a valid email address.") }), async () => ({ ok: true }));
    expect((await own(undefined, form({ email: "nope" }))).fieldErrors).toEqual({ email: ["Enter a valid email address."] });
  });

  it("refuses an argument that is not a form, without running", async () => {
    expect(await action(undefined, { name: "x" } as unknown as FormData)).toEqual({ error: NOT_A_FORM });
    expect(await action(undefined, undefined as unknown as FormData)).toEqual({ error: NOT_A_FORM });
  });

  it("runs with a good form", async () => {
    expect(await action(undefined, form({ name: "x", amount: "3", kind: "a", code: "ok", when: "2026-01-01" }))).toEqual({ ok: true, message: "ran" });
  });
});
