import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createUser } from "./support/database";
import { createCourse } from "./support/payments";
import { logIn } from "./support/session";
import { coverPng } from "./support/storefront";

test("a seller uploads a cover and edits their profile; the card, course page and seller page show them", async ({ page }) => {
  test.setTimeout(90_000);
  const policyErrors: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyErrors.push(message.text());
  });
  const seller = await createUser("seller", "storefront");
  const title = `Watercolour basics ${randomUUID().slice(0, 6)}`;
  const course = createCourse(seller.id, { title });
  const handle = `painter-${randomUUID().slice(0, 6)}`;
  await logIn(page, seller);

  // A picture that is not one is refused with a message; a real one becomes the cover.
  await page.goto(`/seller/courses/${course.id}/edit`);
  await expect(page.getByTestId("course-cover-placeholder")).toBeVisible();
  await page.getByLabel("Cover image").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: Buffer.from("not really a picture") });
  await expect(page.getByRole("alert").filter({ hasText: "not a JPEG, PNG or WebP picture" })).toBeVisible();
  await page.getByLabel("Cover image").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: await coverPng("#0f766e") });
  await expect(page.getByRole("status").filter({ hasText: "Cover saved." })).toBeVisible();
  await expect(page.getByTestId("course-cover")).toBeVisible();

  await page.goto(`/courses?q=${encodeURIComponent(title)}`);
  const card = page.getByTestId("course-card");
  await expect(card).toHaveCount(1);
  const cover = card.getByTestId("course-cover");
  await expect(cover).toHaveAttribute("width", "1600");
  await expect(cover).toHaveAttribute("height", "900");
  await expect.poll(() => cover.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
  const response = await page.request.get((await cover.getAttribute("src"))!);
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

  // The profile: a taken or odd handle is refused, then a good one and a Markdown bio are saved.
  await page.goto("/seller/profile");
  await page.getByLabel("Handle").fill("sam-seller");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("That handle is taken. Choose another.")).toBeVisible();
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Short bio").fill("I paint **every day**.\n\n<script>window.hacked = 1</script>");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await page.getByLabel("Profile picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await coverPng("#be123c") });
  await expect(page.getByRole("status").filter({ hasText: "Picture saved." })).toBeVisible();

  await page.getByRole("link", { name: "View your page" }).click();
  await expect(page).toHaveURL(new RegExp(`/sellers/${handle}$`));
  await expect(page.getByRole("heading", { name: seller.name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("seller-bio").locator("strong")).toHaveText("every day");
  // Raw HTML in the bio is shown as text, never run.
  await expect(page.getByTestId("seller-bio").locator("script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await expect(page.getByTestId("seller-avatar")).toBeVisible();
  await expect(page.getByTestId("seller-students")).toHaveText("0 students");
  await expect(page.getByTestId("course-card").getByTestId("course-cover")).toBeVisible();

  // The course page links back, states the refund policy, and describes itself to search engines and link previews.
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByTestId("course-seller")).toHaveAttribute("href", `/sellers/${handle}`);
  await expect(page.getByTestId("refund-policy")).toContainText("14 days");
  const structured = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(structured).toMatchObject({ "@type": "Course", name: title, provider: { name: seller.name }, offers: { price: "29.00", priceCurrency: "USD" } });
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/api\/images\/[a-z0-9]+\/og\.jpg$/);
  expect(policyErrors).toEqual([]);
});
