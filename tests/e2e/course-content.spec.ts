import { expect, test, type Browser, type Page } from "@playwright/test";
import path from "node:path";
import { createUser, readRow } from "./support/database";
import { createConnectedSeller, createCourse, fillCard, orderOf, waitForWebhooks } from "./support/payments";
import { DEMO, logIn } from "./support/session";

const VIDEO = path.resolve("prisma/demo-media/welcome.mp4");
const PDF = path.resolve("prisma/demo-media/cheat-sheet.pdf");

async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, who);
  return page;
}

async function addLesson(page: Page, section: string, title: string) {
  await page.getByRole("textbox", { name: `New lesson in ${section}` }).fill(title);
  await page.getByRole("textbox", { name: `New lesson in ${section}` }).locator("..").getByRole("button", { name: "Add lesson" }).click();
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
}

/** Opens the lesson from the curriculum editor and saves its text (and preview flag). */
async function writeLesson(page: Page, title: string, body: string, options: { preview?: boolean } = {}) {
  await page.getByRole("link", { name: `Edit lesson ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel(/Lesson text/).fill(body);
  if (options.preview) await page.getByLabel(/Free preview/).check();
  await page.getByRole("button", { name: "Save lesson" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lesson saved." })).toBeVisible();
}

async function upload(page: Page, purpose: "video" | "file", file: string, label: string) {
  const box = page.getByTestId(`upload-${purpose}`);
  await box.getByLabel(purpose === "video" ? "Choose a video" : "Choose a file").setInputFiles(file);
  await box.getByRole("button", { name: label }).click();
  await expect(box.getByRole("status")).toContainText("uploaded");
}

async function publish(page: Page) {
  await page.getByRole("button", { name: "Publish lesson" }).click();
  await expect(page.getByTestId("lesson-state")).toHaveText("Published");
}

test("a seller builds a course, a visitor previews it, a buyer learns from it until a full refund closes it", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const seller = await createConnectedSeller("content");
  const course = createCourse(seller.id, { priceMinor: 2000, title: `Learnable ${seller.id.slice(-6)}` });

  // The seller builds two sections: a free preview with a video, a lesson with a PDF, and a draft-then-published text lesson.
  const sellerPage = await signedIn(browser, seller);
  await sellerPage.goto("/seller");
  await sellerPage.getByRole("link", { name: `Lessons of ${course.title}` }).click();
  for (const section of ["Getting started", "Going further"]) {
    await sellerPage.getByPlaceholder("e.g. Getting started").fill(section);
    await sellerPage.getByRole("button", { name: "Add section" }).click();
    await expect(sellerPage.getByRole("textbox", { name: `New lesson in ${section}` })).toBeVisible();
  }
  await addLesson(sellerPage, "Getting started", "Welcome");
  await addLesson(sellerPage, "Getting started", "Slides");
  await addLesson(sellerPage, "Going further", "Deep dive");
  await sellerPage.getByRole("button", { name: "Move lesson Slides down" }).click();
  await expect(sellerPage.getByTestId("editor-section").nth(1).getByTestId("editor-lesson").first()).toContainText("Slides");
  await sellerPage.getByRole("button", { name: "Move lesson Slides up" }).click();
  await expect(sellerPage.getByTestId("editor-section").nth(0).getByTestId("editor-lesson")).toHaveCount(2);

  await writeLesson(sellerPage, "Welcome", "## Hello\n\n- watch the video\n- then read on\n\n```js\nconsole.log('hi')\n```\n\n<script>window.hacked = true</script>", { preview: true });
  await upload(sellerPage, "video", VIDEO, "Upload video");
  await expect(sellerPage.getByTestId("lesson-video-file")).toContainText("welcome.mp4");
  await publish(sellerPage);

  await sellerPage.getByRole("link", { name: "← Course content" }).click();
  await writeLesson(sellerPage, "Slides", "Download the slides below.");
  await upload(sellerPage, "file", PDF, "Add a file");
  await expect(sellerPage.getByTestId("lesson-attachment")).toContainText("cheat-sheet.pdf");
  await publish(sellerPage);

  await sellerPage.getByRole("link", { name: "← Course content" }).click();
  await writeLesson(sellerPage, "Deep dive", Array.from({ length: 450 }, () => "word").join(" "));
  const deepDiveUrl = sellerPage.url();

  // A visitor sees the curriculum (the draft is not in it), opens the preview, and nothing else.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/courses/${course.slug}`);
  const curriculum = visitor.getByTestId("curriculum");
  await expect(curriculum.getByTestId("curriculum-lesson")).toHaveCount(2);
  await expect(curriculum).not.toContainText("Deep dive");
  await expect(curriculum.getByRole("link")).toHaveCount(1);
  await expect(curriculum.getByTestId("curriculum-lesson").first()).toContainText("Preview");
  await expect(curriculum.getByTestId("curriculum-lesson").first()).toContainText("1 min");
  await curriculum.getByRole("link", { name: "Welcome" }).click();
  await expect(visitor.getByTestId("lesson-title")).toHaveText("Welcome");
  await expect(visitor.getByTestId("lesson-body").locator("li")).toHaveCount(2);
  await expect(visitor.getByTestId("lesson-body")).toContainText("<script>window.hacked = true</script>");
  expect(await visitor.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  await expect(visitor.getByTestId("lesson-video")).toBeVisible();
  const slides = readRow<{ id: string; fileId: string }>(`SELECT l.id, a.fileId FROM "Lesson" l JOIN "LessonAttachment" a ON a.lessonId = l.id WHERE l.courseId = ? AND l.title = 'Slides'`, course.id)!;
  const pdfUrl = `/api/lessons/${slides.id}/files/${slides.fileId}?download=1`;
  expect((await visitor.request.get(pdfUrl)).status()).toBe(401);
  expect((await visitor.goto(`/courses/${course.slug}/lessons/${slides.id}`))?.status()).toBe(404);

  // The seller publishes the draft; now the curriculum has all three.
  await sellerPage.goto(deepDiveUrl);
  await publish(sellerPage);
  await sellerPage.screenshot({ path: test.info().outputPath("lesson-editor.png"), fullPage: true });
  await visitor.goto(`/courses/${course.slug}`);
  await expect(visitor.getByTestId("curriculum-lesson")).toHaveCount(3);
  await expect(visitor.getByTestId("curriculum-lesson").nth(2)).toContainText("3 min");
  await visitor.screenshot({ path: test.info().outputPath("course-page.png"), fullPage: true });
  await sellerPage.getByRole("link", { name: "← Course content" }).click();
  await sellerPage.screenshot({ path: test.info().outputPath("editor.png"), fullPage: true });
  await sellerPage.setViewportSize({ width: 390, height: 844 });
  await sellerPage.screenshot({ path: test.info().outputPath("editor-390.png"), fullPage: true });

  // A buyer pays and learns: the video has a duration and seeks, the PDF downloads with its name.
  const buyer = await createUser("buyer", "content-buyer");
  await logIn(page, buyer);
  await page.goto(`/checkout/${course.slug}`);
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay $20.00" }).click();
  await expect(page.getByTestId("payment-outcome")).toHaveText("Payment received");
  await page.goto(`/library/${course.slug}`);
  await expect(page.getByTestId("lesson-title")).toHaveText("Welcome");
  const video = page.getByTestId("lesson-video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 15_000 }).toBeGreaterThan(10);
  const seeked = await video.evaluate(
    (v: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        v.addEventListener("seeked", () => resolve(v.currentTime), { once: true });
        v.currentTime = 8;
      }),
  );
  expect(seeked).toBeGreaterThan(7);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: "✓ Completed (undo)" })).toBeVisible();
  await expect(page.getByTestId("course-percent")).toHaveText("33 % complete");
  await page.getByRole("link", { name: "Slides →" }).click();
  await expect(page.getByTestId("lesson-title")).toHaveText("Slides");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("lesson-download").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("cheat-sheet.pdf");
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByTestId("course-percent")).toHaveText("66 % complete");
  await page.screenshot({ path: test.info().outputPath("player.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("player-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Log out and back in: the library shows the percentage and the player continues where they stopped.
  await page.getByRole("button", { name: "Log out" }).click();
  await logIn(page, buyer);
  await page.goto("/library");
  await expect(page.getByTestId("library-percent")).toHaveText("66 % complete");
  await page.getByRole("link", { name: `Continue ${course.title}` }).click();
  await expect(page.getByTestId("continue-notice")).toContainText("Slides");
  await expect(page.getByTestId("lesson-title")).toHaveText("Slides");

  // A full refund: the lesson page and the file URL refuse them.
  const order = orderOf(buyer.id, course.id);
  const admin = await signedIn(browser, DEMO.admin);
  await admin.goto(`/admin/orders/${order!.id}`);
  await admin.getByLabel(/Amount to refund/).fill("20.00");
  await admin.getByLabel("Reason").selectOption("requested_by_customer");
  await admin.getByRole("button", { name: "Refund", exact: true }).click();
  await admin.getByRole("button", { name: "Yes, refund 20.00 USD" }).click();
  await expect(admin.getByTestId("admin-order-status")).toHaveText("Refunded");
  await waitForWebhooks();
  await page.goto(`/library/${course.slug}?lesson=${slides.id}`);
  await expect(page.getByTestId("content-locked")).toBeVisible();
  expect((await page.request.get(pdfUrl)).status()).toBe(404);
});

test("the file route answers ranges with 206, refuses bad ones with 416, and keeps paid files out of shared caches", async ({ page }) => {
  await logIn(page, DEMO.buyer);
  const preview = readRow<{ id: string; videoFileId: string; sizeBytes: number }>(
    `SELECT l.id, l.videoFileId, f.sizeBytes FROM "Lesson" l JOIN "Course" c ON c.id = l.courseId JOIN "StoredFile" f ON f.id = l.videoFileId WHERE c.slug = 'stripe-payments-from-scratch' AND l.preview = 1`,
  )!;
  const url = `/api/lessons/${preview.id}/files/${preview.videoFileId}`;
  const ranged = await page.request.get(url, { headers: { range: "bytes=100-199" } });
  expect(ranged.status()).toBe(206);
  expect(ranged.headers()["content-range"]).toBe(`bytes 100-199/${preview.sizeBytes}`);
  expect((await ranged.body()).length).toBe(100);
  expect(ranged.headers()["cache-control"]).toBe("private, no-store");
  expect(ranged.headers()["content-type"]).toBe("video/mp4");
  for (const bad of [`bytes=${preview.sizeBytes}-`, "bytes=abc", "bytes=5-1", "bytes=0-1,4-5"]) {
    const refused = await page.request.get(url, { headers: { range: bad } });
    expect(refused.status(), bad).toBe(416);
    expect(refused.headers()["content-range"], bad).toBe(`bytes */${preview.sizeBytes}`);
  }
  const whole = await page.request.get(url);
  expect(whole.status()).toBe(200);
  expect((await whole.body()).length).toBe(preview.sizeBytes);
  expect(whole.headers()["content-disposition"]).toMatch(/^inline; filename="welcome.mp4"/);
});
