import fc from "fast-check";

/** Values a careless or hostile client sends in place of a form field. */
const NASTY = [
  "", " ", "\t\n", "null", "undefined", "NaN", "Infinity", "-Infinity", "[object Object]", "true", "false", "0", "-0", "-1",
  "1e309", "-1e309", "0.001", "-0.5", "12.345", "1,50", "9007199254740993", "999999999999999999999999", "0x10", "١٢٣",
  "' OR '1'='1", "'; DROP TABLE \"User\"; --", "\" OR 1=1 --", "1; SELECT * FROM \"User\"", "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "../../etc/passwd", "\u0000", "%00", "\u202e",
  "{\"a\":1}", "[1,2]", "{", "$K1", "$undefined", "$$", "$@1", "evt_unknown", "seti_unknown", "pi_unknown", "acct_unknown",
  "cm0000000000000000000000000",
];

export const nastyValue = fc.constantFrom(...NASTY);
/** About 200 kB: under the action body limit, far over every field's maximum. */
export const hugeValue = fc.nat({ max: 5 }).map((n) => "x".repeat(200_000 + n));

export const junkValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: nastyValue },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: hugeValue },
);

/** Amounts that can never be a valid price or refund: negative, too precise, not a number, absurd. */
export const badAmount = fc.oneof(
  fc.constantFrom("-1", "-0.01", "-0.5", "0.001", "12.345", "NaN", "Infinity", "-Infinity", "1e309", "abc", "", " ", "1,5", "--1", "1..2", "ten", "99999999999999999"),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  fc.double({ noNaN: false }).filter((n) => !Number.isFinite(n) || n < 0).map(String),
  // Three or more decimals, the last one not a zero ("1.230" is just 1.23).
  fc.tuple(fc.nat(1000), fc.integer({ min: 100, max: 99999 }).filter((fraction) => fraction % 10 !== 0)).map(([whole, fraction]) => `${whole}.${fraction}`),
);

/** A form: some of the expected fields (each junk, a given near-valid value, or missing), plus strangers and duplicates. */
export function junkForm(fields: Record<string, fc.Arbitrary<string>>, poison: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<[string, string][]> {
  const expected = Object.fromEntries(
    Object.entries(fields).map(([name, near]) => [name, fc.option(fc.oneof(junkValue, near), { nil: undefined })]),
  ) as Record<string, fc.Arbitrary<string | undefined>>;
  return fc
    .tuple(
      fc.record(expected),
      poison,
      fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), nastyValue), junkValue), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([values, poisoned, strangers, duplicate]) => {
      const merged = { ...values, ...poisoned };
      const entries = Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined);
      // Strangers and duplicates go first: a form's last value of a name wins, so the poison stays.
      const duplicates: [string, string][] = duplicate && entries.length ? [[entries[0][0], "duplicate"]] : [];
      return [...strangers, ...duplicates, ...entries];
    });
}
