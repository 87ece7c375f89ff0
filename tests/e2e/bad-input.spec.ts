// Generated malformed input (fast-check) against every server action and route handler, over
// HTTP, from a persona who may call it and from a visitor: never a 5xx, never a change to the
// database, and every message is one a person can read. BAD_INPUT_RUNS sets inputs per target.
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { randomUUID } from "node:crypto";
import { createAccountToken, createReviewRow, readRow, TEST_PASSWORD, waitForOutbox } from "./support/database";
import { changedTables, databaseSnapshot } from "./support/database-snapshot";
import { becomeMember, buyCourse, connectSeller, signedEvent } from "./support/http-journeys";
import { badAmount, hugeValue, junkForm, junkValue, nastyValue } from "./support/malformed-values";
import { createLesson, createSection, PDF_BYTES, uploadThroughRoute } from "./support/content";
import { createCourse, waitForWebhooks } from "./support/payments";
import { giveSellerHandle } from "./support/storefront";
import { openPersonas, type Persona, type PersonaSession } from "./support/personas";
import { actionKey, builtServerActions, callServerAction, declaredRouteHandlers, type ActionArgs, type BuiltServerAction } from "./support/server-actions";

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 100);
const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261122);
const PARALLEL = 6;
/** Every 5th input goes out as a visitor. */
const VISITOR_SHARE = 5;

interface Fixtures {
  personas: Record<Persona, PersonaSession>;
  course: { id: string; priceMinor: number };
  otherCourse: { id: string };
  paidOrderId: string;
  /** Links the app must refuse: expired and already used, of each kind. */
  deadLinks: { reset: string[]; confirm: string[] };
  /** A published lesson of the bought course with a PDF, and a lesson of another seller's course. */
  content: { sectionId: string; lessonId: string; fileId: string; foreignSectionId: string; foreignLessonId: string };
  /** The buyer's review of the bought course, and a review of another seller's course. */
  reviewId: string;
  foreignReviewId: string;
  /** The other seller's handle: taken for the owner. */
  takenHandle: string;
}

/** What one generated input turns into on the wire. */
type Probe =
  | { kind: "form"; fields: [string, string][] }
  | { kind: "root"; fields: [string, string][]; root: string }
  | { kind: "body"; contentType: string; body: string }
  /** A form as posted without script, with a broken action reference or argument row. */
  | { kind: "progressive"; fields: [string, string][] };

interface Reply {
  status: number;
  /** Messages meant for a person: an action's error, message and field errors, or a plain-text or JSON body. */
  messages: string[];
}

interface ActionTarget {
  kind: "action";
  exportName: string;
  file: string;
  args: ActionArgs;
  /** Who may call it; `fields` is null when the action takes no input and any call would run it. */
  persona: Persona;
  fields: ((fx: Fixtures) => fc.Arbitrary<[string, string][]>) | null;
}

interface RouteTarget {
  kind: "route";
  file: string;
  method: "GET" | "POST";
  persona: Persona;
  probe: (fx: Fixtures) => fc.Arbitrary<{ path: string; headers?: Record<string, string>; body?: string }>;
  /** The statuses a malformed request may get. */
  statuses: number[];
}

type Target = ActionTarget | RouteTarget;

const ids = (fx: Fixtures) =>
  fc.oneof(junkValue, fc.constantFrom(fx.personas.admin.id!, fx.personas.buyer.id!, fx.otherCourse.id, `cm${randomUUID().replace(/-/g, "")}`));
const unknownId = fc.oneof(nastyValue, hugeValue, fc.uuid().map((id) => `cm${id.replace(/-/g, "")}`));
const notIn = (allowed: string[]) => junkValue.filter((value) => !allowed.includes(value.trim().toLowerCase()));
/** What an HTTP client can put in a header at all. */
const headerValue = junkValue.filter((value) => /^[\x20-\x7e]{0,8000}$/.test(value));
const pick = (...choices: fc.Arbitrary<Record<string, string>>[]) => fc.oneof(...choices);

const courseFields = {
  title: fc.constant("A course"),
  description: fc.constant("What you will learn."),
  price: fc.constant("19.00"),
  currency: fc.constant("usd"),
  slug: fc.constant(""),
};
const badCourse = pick(
  badAmount.map((price) => ({ price })),
  notIn(["usd", "eur", "gbp", "jpy"]).map((currency) => ({ currency })),
  fc.constantFrom("", "  ", "x".repeat(121)).map((title) => ({ title })),
  fc.constantFrom("", " ").map((description) => ({ description })),
);

/** IDs that must find nothing for the owner: junk, unknown, or another seller's. */
const foreignSection = (fx: Fixtures) => fc.oneof(unknownId, fc.constant(fx.content.foreignSectionId)).map((sectionId) => ({ sectionId }));
const foreignLesson = (fx: Fixtures) => fc.oneof(unknownId, fc.constant(fx.content.foreignLessonId)).map((lessonId) => ({ lessonId }));
const badTitle = fc.constantFrom("", "   ", "t".repeat(201)).map((title) => ({ title }));
const badDirection = notIn(["up", "down"]).map((direction) => ({ direction }));
const contentTarget = (exportName: string, fields: (fx: Fixtures) => fc.Arbitrary<[string, string][]>): ActionTarget => ({
  kind: "action",
  exportName,
  file: "app/seller/courses/[id]/content/actions.ts",
  args: "state-and-form",
  persona: "owner",
  fields,
});
/** Unknown IDs as a path segment: not empty (another URL) and not 200 kB (Node drops such a request line before the app sees it). */
const pathId = fc.oneof(nastyValue, fc.uuid().map((id) => `cm${id.replace(/-/g, "")}`)).filter((id) => id.trim() !== "");
/** Bodies that are not a PDF, MP4 or WebM whatever they are called: HTML, SVG with script, text, nothing. */
const notAMediaFile = fc.oneof(
  junkValue.filter((body) => !body.startsWith("%PDF")),
  fc.constantFrom("<!doctype html><script>alert(1)</script>", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', ""),
);

/** Tokens that open nothing: junk, a well-formed unknown one, and (given) expired or used ones. */
const deadToken = (known: string[]) => fc.oneof(junkValue, fc.constant("forged-forged-forged-forged-forged-forged"), fc.constantFrom(...known)).map((token) => ({ token }));
const notThePassword = junkValue.filter((value) => value !== TEST_PASSWORD);
const validEmail = fc.uuid().map((id) => `${id}@test.example`);
const badEmail = junkValue.filter((email) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())).map((email) => ({ email }));
const accountTarget = (exportName: string, fields: (fx: Fixtures) => fc.Arbitrary<[string, string][]>): ActionTarget => ({
  kind: "action",
  exportName,
  file: "app/account/actions.ts",
  args: "state-and-form",
  persona: "buyer",
  fields,
});

/** Ratings that are not a whole number from 1 to 5, and texts over the limit. */
const badRating = notIn(["1", "2", "3", "4", "5"]).map((rating) => ({ rating }));
const longText = fc.constantFrom("r".repeat(2001), "r".repeat(100_001));
const foreignReview = (fx: Fixtures) => fc.oneof(unknownId, fc.constant(fx.foreignReviewId)).map((reviewId) => ({ reviewId }));
const reviewTarget = (exportName: string, persona: Persona, fields: (fx: Fixtures) => fc.Arbitrary<[string, string][]>): ActionTarget => ({
  kind: "action",
  exportName,
  file: "app/reviews/actions.ts",
  args: "state-and-form",
  persona,
  fields,
});
const reviewForm = (fx: Fixtures) =>
  junkForm(
    { courseId: fc.constant(fx.course.id), rating: fc.constantFrom("1", "5"), body: fc.constantFrom("", "Good.") },
    // The buyer already reviewed the course (a second one is refused), does not own the other one, and bad values are refused.
    pick(badRating, longText.map((body) => ({ body })), fc.oneof(unknownId, fc.constant(fx.otherCourse.id)).map((courseId) => ({ courseId })), fc.constant({})),
  );

/** Not a JPEG, PNG or WebP, or one that must be refused: a PNG header claiming 60,000 × 60,000 pixels, a truncated JPEG. */
const notAPicture = fc.oneof(
  notAMediaFile,
  fc.constantFrom(
    Buffer.from("89504e470d0a1a0a0000000d494844520000ea600000ea600800000000", "hex").toString("latin1"),
    Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb", "hex").toString("latin1"),
    "GIF89a\x01\x00\x01\x00\x00\x00\x00;",
  ),
);
/** Never a handle the owner could take: malformed, or the other seller's. */
const isWellFormedHandle = (value: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value.trim().toLowerCase()) && value.trim().length >= 3 && value.trim().length <= 40;

const TARGETS: Target[] = [
  {
    kind: "action",
    exportName: "requestPasswordResetAction",
    file: "app/(auth)/forgot-password/actions.ts",
    args: "state-and-form",
    persona: "visitor",
    fields: () => junkForm({ email: validEmail }, badEmail),
  },
  {
    kind: "action",
    exportName: "resetPasswordAction",
    file: "app/(auth)/reset-password/actions.ts",
    args: "state-and-form",
    persona: "visitor",
    fields: (fx) =>
      junkForm(
        { token: fc.constantFrom(...fx.deadLinks.reset), password: fc.constant("long-enough-password") },
        pick(deadToken(fx.deadLinks.reset), fc.oneof(fc.string({ maxLength: 7 }), fc.constant("p".repeat(201))).map((password) => ({ password }))),
      ),
  },
  {
    kind: "action",
    exportName: "confirmEmailAction",
    file: "app/(auth)/verify-email/actions.ts",
    args: "state-and-form",
    persona: "visitor",
    fields: (fx) => junkForm({ token: fc.constantFrom(...fx.deadLinks.confirm) }, deadToken(fx.deadLinks.confirm)),
  },
  accountTarget("changeNameAction", () => junkForm({ name: fc.constant("A name") }, fc.constantFrom("", "   ", "n".repeat(101)).map((name) => ({ name })))),
  // A taken address, a wrong password or a malformed address: a message, and no link is sent.
  accountTarget("changeEmailAction", (fx) =>
    junkForm(
      { email: validEmail, currentPassword: fc.constant(TEST_PASSWORD) },
      pick(badEmail, fc.constant({ email: fx.personas.admin.email! }), notThePassword.map((currentPassword) => ({ currentPassword }))),
    ),
  ),
  accountTarget("changePasswordAction", () =>
    junkForm(
      { currentPassword: fc.constant(TEST_PASSWORD), newPassword: fc.constant("long-enough-password") },
      pick(notThePassword.map((currentPassword) => ({ currentPassword })), fc.oneof(fc.string({ maxLength: 7 }), fc.constant("p".repeat(201))).map((newPassword) => ({ newPassword }))),
    ),
  ),
  // The buyer's address is confirmed already: asking again changes nothing.
  accountTarget("resendVerificationAction", () => junkForm({}, fc.constant({}))),
  // The buyer is a member with a renewing membership, and the password is never the right one.
  accountTarget("deleteAccountAction", () => junkForm({}, notThePassword.map((currentPassword) => ({ currentPassword })))),
  {
    kind: "action",
    exportName: "updateMerchantDetailsAction",
    file: "app/admin/settings/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: () =>
      junkForm(
        { merchantName: fc.constant("A merchant"), merchantAddress: fc.constant("1 Road\nTown") },
        pick(
          fc.constantFrom("", "   ", "m".repeat(201)).map((merchantName) => ({ merchantName })),
          fc.constantFrom("a".repeat(501), Array.from({ length: 9 }, (_, n) => `Line ${n}`).join("\n")).map((merchantAddress) => ({ merchantAddress })),
        ),
      ),
  },
  reviewTarget("createReviewAction", "buyer", reviewForm),
  reviewTarget("updateReviewAction", "buyer", (fx) =>
    junkForm({ courseId: fc.constant(fx.course.id), rating: fc.constant("4"), body: fc.constant("Edited.") }, pick(badRating, longText.map((body) => ({ body })), fc.oneof(unknownId, fc.constant(fx.otherCourse.id)).map((courseId) => ({ courseId })))),
  ),
  reviewTarget("deleteReviewAction", "buyer", (fx) => junkForm({}, foreignReview(fx))),
  reviewTarget("saveReplyAction", "owner", (fx) =>
    junkForm({ reviewId: fc.constant(fx.reviewId), reply: fc.constant("Thanks.") }, pick(fc.constantFrom("", "   ").map((reply) => ({ reply })), longText.map((reply) => ({ reply })), foreignReview(fx))),
  ),
  reviewTarget("setReviewHiddenAction", "admin", (fx) =>
    junkForm({ reviewId: fc.constant(fx.reviewId), hidden: fc.constant("true") }, pick(notIn(["true", "false"]).map((hidden) => ({ hidden })), unknownId.map((reviewId) => ({ reviewId })))),
  ),
  {
    kind: "route",
    file: "app/api/courses/[courseId]/cover/route.ts",
    method: "POST",
    persona: "owner",
    statuses: [404, 413, 415],
    probe: (fx) =>
      fc
        .tuple(fc.oneof(fc.constant(fx.course.id), fc.constant(fx.otherCourse.id), pathId), notAPicture, fc.constantFrom("application/octet-stream", "image/png", "image/svg+xml", "text/html"))
        .map(([courseId, body, contentType]) => ({ path: `/api/courses/${encodeURIComponent(courseId)}/cover`, headers: { "content-type": contentType }, body })),
  },
  {
    kind: "route",
    file: "app/api/sellers/avatar/route.ts",
    method: "POST",
    persona: "owner",
    statuses: [413, 415],
    probe: () => fc.tuple(notAPicture, fc.constantFrom("application/octet-stream", "image/jpeg", "text/plain")).map(([body, contentType]) => ({ path: "/api/sellers/avatar", headers: { "content-type": contentType }, body })),
  },
  {
    kind: "route",
    file: "app/api/images/[imageId]/[variant]/route.ts",
    method: "GET",
    persona: "visitor",
    statuses: [400, 404],
    probe: () =>
      fc
        .tuple(fc.oneof(pathId, fc.constant("0".repeat(32))), fc.oneof(fc.constantFrom("w480.webp", "og.jpg", "s96.webp", "..%2F..%2Fetc%2Fpasswd"), pathId))
        .map(([imageId, variant]) => ({ path: `/api/images/${encodeURIComponent(imageId)}/${variant.includes("%") ? variant : encodeURIComponent(variant)}` })),
  },
  {
    kind: "action",
    exportName: "updateSellerProfileAction",
    file: "app/seller/profile/actions.ts",
    args: "state-and-form",
    persona: "owner",
    fields: (fx) =>
      junkForm(
        { handle: fc.constant(fx.takenHandle), bio: fc.constantFrom("About me", "<script>alert(1)</script>", "[x](javascript:alert(1))") },
        pick(
          junkValue.filter((handle) => !isWellFormedHandle(handle)).map((handle) => ({ handle })),
          fc.constantFrom("no spaces", "Zoë", "a", "-dash-", "x".repeat(41), "under_score", fx.takenHandle.toUpperCase()).map((handle) => ({ handle })),
          fc.constant({ handle: fx.takenHandle }),
          fc.constant({ handle: "a-fine-new-handle", bio: "b".repeat(2001) }),
        ),
      ),
  },
  contentTarget("addSectionAction", (fx) =>
    junkForm({ courseId: fc.constant(fx.course.id), title: fc.constant("A section") }, pick(badTitle, fc.oneof(unknownId, fc.constant(fx.otherCourse.id)).map((courseId) => ({ courseId })))),
  ),
  contentTarget("renameSectionAction", (fx) => junkForm({ sectionId: fc.constant(fx.content.sectionId), title: fc.constant("Renamed") }, pick(badTitle, foreignSection(fx)))),
  contentTarget("moveSectionAction", (fx) => junkForm({ sectionId: fc.constant(fx.content.sectionId), direction: fc.constantFrom("up", "down") }, pick(badDirection, foreignSection(fx)))),
  contentTarget("deleteSectionAction", (fx) => junkForm({}, foreignSection(fx))),
  contentTarget("addLessonAction", (fx) => junkForm({ sectionId: fc.constant(fx.content.sectionId), title: fc.constant("A lesson") }, pick(badTitle, foreignSection(fx)))),
  contentTarget("saveLessonAction", (fx) =>
    junkForm(
      { lessonId: fc.constant(fx.content.lessonId), title: fc.constant("A lesson"), body: fc.constantFrom("<script>alert(1)</script>", "[x](javascript:alert(1))") },
      pick(badTitle, foreignLesson(fx), fc.constant({ body: "b".repeat(100_001) }), notIn(["on"]).map((preview) => ({ preview }))),
    ),
  ),
  contentTarget("setLessonPublishedAction", (fx) =>
    junkForm({ lessonId: fc.constant(fx.content.lessonId), published: fc.constantFrom("true", "false") }, pick(notIn(["true", "false"]).map((published) => ({ published })), foreignLesson(fx))),
  ),
  contentTarget("moveLessonAction", (fx) => junkForm({ lessonId: fc.constant(fx.content.lessonId), direction: fc.constantFrom("up", "down") }, pick(badDirection, foreignLesson(fx)))),
  contentTarget("deleteLessonAction", (fx) => junkForm({}, foreignLesson(fx))),
  contentTarget("removeLessonFileAction", (fx) =>
    junkForm(
      { lessonId: fc.constant(fx.content.lessonId), fileId: fc.constant(fx.content.fileId) },
      pick(foreignLesson(fx).map((bad) => ({ ...bad, fileId: fx.content.fileId })), unknownId.map((fileId) => ({ fileId, lessonId: fx.content.lessonId }))),
    ),
  ),
  {
    kind: "action",
    exportName: "markLessonAction",
    file: "app/library/[slug]/actions.ts",
    args: "state-and-form",
    persona: "buyer",
    fields: (fx) =>
      junkForm({ lessonId: fc.constant(fx.content.lessonId), done: fc.constantFrom("true", "false") }, pick(notIn(["true", "false"]).map((done) => ({ done })), foreignLesson(fx))),
  },
  {
    kind: "route",
    file: "app/api/lessons/[lessonId]/files/route.ts",
    method: "POST",
    persona: "owner",
    statuses: [400, 404, 413, 415],
    probe: (fx) =>
      fc
        .tuple(
          fc.oneof(fc.constant(fx.content.lessonId), fc.constant(fx.content.foreignLessonId), pathId),
          fc.oneof(fc.constantFrom("video", "file"), junkValue),
          fc.oneof(fc.constantFrom("../../etc/passwd", "lesson.mp4", "slides.pdf", "..\\boot.ini"), junkValue),
          notAMediaFile,
          fc.constantFrom("application/octet-stream", "video/mp4", "application/pdf", "image/svg+xml", "text/html"),
        )
        .map(([lessonId, purpose, name, body, contentType]) => ({
          path: `/api/lessons/${encodeURIComponent(lessonId)}/files?purpose=${encodeURIComponent(purpose)}&name=${encodeURIComponent(name)}`,
          headers: { "content-type": contentType },
          body,
        })),
  },
  {
    kind: "route",
    file: "app/api/lessons/[lessonId]/files/[fileId]/route.ts",
    method: "GET",
    persona: "buyer",
    statuses: [200, 206, 400, 404, 416],
    probe: (fx) =>
      fc
        .tuple(
          fc.oneof(fc.constant(`${fx.content.lessonId}/files/${fx.content.fileId}`), fc.constant(`${fx.content.foreignLessonId}/files/${fx.content.fileId}`), pathId.map((id) => `${fx.content.lessonId}/files/${encodeURIComponent(id)}`)),
          fc.oneof(headerValue.map((range) => `bytes=${range}`), headerValue, fc.constantFrom("bytes=99999999-", "bytes=-0", "bytes=5-1", "bytes=0-1,3-4", "bytes=--1", "bytes=1e3-")),
        )
        .map(([path, range]) => ({ path: `/api/lessons/${path}`, headers: { range } })),
  },
  {
    kind: "action",
    exportName: "register",
    file: "app/(auth)/register/actions.ts",
    args: "state-and-form",
    persona: "visitor",
    fields: () =>
      junkForm(
        { name: fc.constant("Someone"), email: fc.uuid().map((id) => `${id}@test.example`), password: fc.constant("long-enough-password") },
        pick(
          junkValue.filter((email) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())).map((email) => ({ email })),
          fc.oneof(fc.string({ maxLength: 7 }), fc.constant("p".repeat(201))).map((password) => ({ password })),
          fc.constantFrom("", " ", "n".repeat(101)).map((name) => ({ name })),
        ),
      ),
  },
  { kind: "action", exportName: "createCourseAction", file: "app/seller/actions.ts", args: "state-and-form", persona: "owner", fields: () => junkForm(courseFields, badCourse) },
  {
    kind: "action",
    exportName: "updateCourseAction",
    file: "app/seller/actions.ts",
    args: "state-and-form",
    persona: "owner",
    fields: (fx) =>
      junkForm(
        { ...courseFields, courseId: fc.constant(fx.course.id) },
        pick(
          badCourse.map((bad) => ({ ...bad, courseId: fx.course.id })),
          fc.oneof(unknownId, fc.constant(fx.otherCourse.id)).map((courseId) => ({ courseId })),
        ),
      ),
  },
  {
    kind: "action",
    exportName: "setPublishedAction",
    file: "app/seller/actions.ts",
    args: "state-and-form",
    persona: "owner",
    fields: (fx) =>
      junkForm(
        { courseId: fc.constant(fx.course.id), published: fc.constantFrom("true", "false") },
        pick(
          notIn(["true", "false"]).map((published) => ({ published })),
          fc.oneof(unknownId, fc.constant(fx.otherCourse.id)).map((courseId) => ({ courseId })),
        ),
      ),
  },
  {
    kind: "action",
    exportName: "startCheckout",
    file: "app/checkout/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: (fx) =>
      junkForm(
        { courseId: fc.constant(fx.course.id), expectedAmountMinor: fc.constant(String(fx.course.priceMinor)), expectedCurrency: fc.constant("usd"), expectedChargeType: fc.constant("destination") },
        pick(
          fc.oneof(badAmount, junkValue).filter((amount) => Number(amount) !== fx.course.priceMinor).map((expectedAmountMinor) => ({ expectedAmountMinor })),
          unknownId.map((courseId) => ({ courseId })),
          notIn(["usd"]).map((expectedCurrency) => ({ expectedCurrency })),
          notIn(["destination", "direct"]).map((expectedChargeType) => ({ expectedChargeType })),
        ),
      ),
  },
  // Without input any call would run these, so the member sends only envelopes that must never reach them.
  { kind: "action", exportName: "startMembership", file: "app/membership/actions.ts", args: "state-and-form", persona: "buyer", fields: null },
  { kind: "action", exportName: "confirmMembership", file: "app/membership/actions.ts", args: "state-and-form", persona: "buyer", fields: null },
  { kind: "action", exportName: "startCardChange", file: "app/membership/actions.ts", args: "state-and-form", persona: "buyer", fields: null },
  {
    kind: "action",
    exportName: "finishCardChange",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    persona: "buyer",
    fields: () => junkForm({ setupIntentId: fc.uuid().map((id) => `seti_${id.replace(/-/g, "")}`) }, fc.constant({})),
  },
  {
    kind: "action",
    exportName: "cancellationAction",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    persona: "buyer",
    fields: () => junkForm({ cancel: fc.constantFrom("true", "false") }, notIn(["true", "false"]).map((cancel) => ({ cancel }))),
  },
  {
    kind: "action",
    exportName: "changeRoleAction",
    file: "app/admin/users/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: (fx) =>
      junkForm(
        { userId: ids(fx), role: fc.constantFrom("buyer", "seller", "admin") },
        pick(notIn(["buyer", "seller", "admin"]).map((role) => ({ role })), unknownId.map((userId) => ({ userId }))),
      ),
  },
  {
    kind: "action",
    exportName: "setDisabledAction",
    file: "app/admin/users/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: (fx) =>
      junkForm(
        { userId: ids(fx), disabled: fc.constantFrom("true", "false") },
        pick(notIn(["true", "false"]).map((disabled) => ({ disabled })), unknownId.map((userId) => ({ userId }))),
      ),
  },
  { kind: "action", exportName: "resyncMembershipAction", file: "app/admin/users/actions.ts", args: "state-and-form", persona: "admin", fields: () => junkForm({}, unknownId.map((userId) => ({ userId }))) },
  { kind: "action", exportName: "resyncSellerAccountAction", file: "app/admin/users/actions.ts", args: "state-and-form", persona: "admin", fields: () => junkForm({}, unknownId.map((userId) => ({ userId }))) },
  { kind: "action", exportName: "resyncOrderAction", file: "app/admin/orders/[orderId]/actions.ts", args: "state-and-form", persona: "admin", fields: () => junkForm({}, unknownId.map((orderId) => ({ orderId }))) },
  {
    kind: "action",
    exportName: "refundOrderAction",
    file: "app/admin/orders/[orderId]/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: (fx) =>
      junkForm(
        { orderId: fc.constant(fx.paidOrderId), formToken: fc.uuid(), amount: fc.constant("1.00"), reason: fc.constant("requested_by_customer"), note: fc.constant("") },
        pick(
          fc.tuple(badAmount, fc.uuid()).map(([amount, formToken]) => ({ amount, orderId: fx.paidOrderId, formToken, reason: "duplicate" })),
          fc.oneof(fc.constantFrom("", "1.0e2", "9999999.99", "0", "0.00"), badAmount).map((amount) => ({ amount })),
          junkValue.filter((token) => !/^[0-9a-f-]{36}$/i.test(token)).map((formToken) => ({ formToken })),
          notIn(["requested_by_customer", "duplicate", "fraudulent"]).map((reason) => ({ reason })),
          unknownId.map((orderId) => ({ orderId })),
        ),
      ),
  },
  {
    kind: "action",
    exportName: "replayEventAction",
    file: "app/admin/events/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: () => junkForm({}, fc.oneof(junkValue, fc.uuid().map((id) => `evt_${id.replace(/-/g, "")}`)).map((eventId) => ({ eventId }))),
  },
  {
    kind: "action",
    exportName: "updatePlatformSettingsAction",
    file: "app/admin/settings/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: () =>
      junkForm(
        { feePercent: fc.constant("10"), chargeType: fc.constantFrom("destination", "direct") },
        pick(
          fc.oneof(badAmount, fc.constantFrom("101", "100.01", "1000", "10.123")).map((feePercent) => ({ feePercent })),
          notIn(["destination", "direct"]).map((chargeType) => ({ chargeType })),
        ),
      ),
  },
  // No seller or course by these names exists, so even a well-formed fee changes nothing.
  {
    kind: "action",
    exportName: "setSellerFeeAction",
    file: "app/admin/fees/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: () =>
      junkForm(
        { email: fc.uuid().map((id) => `${id}@nobody.example`), feePercent: fc.constant("10") },
        pick(
          fc.oneof(badAmount, fc.constantFrom("101", "100.01", "1000", "10.123")).map((feePercent) => ({ feePercent })),
          fc.oneof(junkValue, fc.constant("x".repeat(300))).map((email) => ({ email })),
        ),
      ),
  },
  {
    kind: "action",
    exportName: "setCourseFeeAction",
    file: "app/admin/fees/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: () =>
      junkForm(
        { slug: fc.uuid().map((id) => `no-course-${id}`), feePercent: fc.constant("10") },
        pick(
          fc.oneof(badAmount, fc.constantFrom("101", "100.01", "1000", "10.123")).map((feePercent) => ({ feePercent })),
          fc.oneof(junkValue, fc.constant("x".repeat(300))).map((slug) => ({ slug })),
        ),
      ),
  },
  {
    kind: "action",
    exportName: "resendEmailAction",
    file: "app/admin/emails/actions.ts",
    args: "state-and-form",
    persona: "admin",
    fields: () => junkForm({}, unknownId.map((emailId) => ({ emailId }))),
  },
  // Logging out needs no input and ignores any; sent by a visitor so no persona loses its session.
  { kind: "action", exportName: "logOut", file: "app/(auth)/logout/actions.ts", args: "form", persona: "visitor", fields: () => junkForm({}, fc.constant({})) },
  // As a visitor: a signed-in persona's junk form would still end all of its sessions (the action takes no input).
  { kind: "action", exportName: "logOutEverywhere", file: "app/(auth)/logout/actions.ts", args: "form", persona: "visitor", fields: () => junkForm({}, fc.constant({})) },
  // Side-effect free for a connected seller: they may send anything.
  // Any call that gets through starts a connection and stores its OAuth state: only broken envelopes are bad input here.
  { kind: "action", exportName: "connectWithOAuthAction", file: "app/seller/connect/actions.ts", args: "state-and-form", persona: "owner", fields: null },
  { kind: "action", exportName: "openDashboardAction", file: "app/seller/connect/actions.ts", args: "state-and-form", persona: "owner", fields: () => junkForm({}, fc.constant({})) },
  { kind: "action", exportName: "startOnboardingAction", file: "app/seller/connect/actions.ts", args: "state-and-form", persona: "owner", fields: null },
  { kind: "action", exportName: "disconnectAction", file: "app/seller/connect/actions.ts", args: "state-and-form", persona: "owner", fields: null },

  ...(["/api/stripe/webhook", "/api/stripe/connect-webhook"] as const).map(
    (endpoint): RouteTarget => ({
      kind: "route",
      file: `app${endpoint}/route.ts`,
      method: "POST",
      persona: "visitor",
      statuses: [400],
      probe: () =>
        fc
          .tuple(
            fc.oneof(junkValue, fc.json(), fc.constant(signedEvent(endpoint).payload)),
            fc.oneof(headerValue, fc.constant(signedEvent(endpoint).signature), fc.constant("t=1,v1=00")),
            fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""),
          )
          // The good signature belongs to another event than the good payload, so no pair is valid.
          .map(([body, signature, contentType]) => ({ path: endpoint, body, headers: { "stripe-signature": signature, "content-type": contentType } })),
    }),
  ),
  {
    kind: "route",
    file: "app/api/health/route.ts",
    method: "GET",
    persona: "visitor",
    statuses: [200],
    probe: () => junkValue.map((value) => ({ path: `/api/health?check=${encodeURIComponent(value)}` })),
  },
  {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    persona: "buyer",
    statuses: [200, 302, 400, 404, 405],
    probe: () =>
      fc
        .tuple(fc.constantFrom("session", "csrf", "providers", "signin", "error", "callback/credentials", "signout"), junkValue, fc.oneof(fc.constant(""), nastyValue))
        .map(([segment, value, extra]) => ({ path: `/api/auth/${segment}${extra ? `/${encodeURIComponent(extra)}` : ""}?error=${encodeURIComponent(value)}&callbackUrl=${encodeURIComponent(value)}` })),
  },
  {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    persona: "visitor",
    statuses: [200, 302, 400, 401, 403, 404, 405],
    probe: () =>
      fc
        .tuple(
          fc.oneof(junkValue, fc.uuid().map((id) => `nobody-${id}@test.example`)),
          junkValue,
          junkValue,
          fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data"),
          fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "callback/unknown"),
        )
        .map(([email, password, csrfToken, contentType, segment]) => ({
          path: `/api/auth/${segment}`,
          headers: { "content-type": contentType },
          body: contentType === "application/json" ? JSON.stringify({ email, password, csrfToken }) : new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
        })),
  },
  {
    kind: "route",
    file: "app/seller/connect/oauth/callback/route.ts",
    method: "GET",
    persona: "owner",
    statuses: [307],
    probe: () =>
      fc
        .tuple(junkValue, junkValue, fc.oneof(fc.constant(""), junkValue))
        .map(([code, state, error]) => ({ path: `/seller/connect/oauth/callback?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}&error=${encodeURIComponent(error)}` })),
  },
  {
    kind: "route",
    file: "app/seller/connect/onboarding/refresh/route.ts",
    method: "GET",
    persona: "otherSeller",
    statuses: [307],
    probe: () => junkValue.map((value) => ({ path: `/seller/connect/onboarding/refresh?account=${encodeURIComponent(value)}` })),
  },
  {
    kind: "route",
    file: "app/seller/connect/onboarding/return/route.ts",
    method: "GET",
    persona: "otherSeller",
    statuses: [307],
    probe: () => junkValue.map((value) => ({ path: `/seller/connect/onboarding/return?account=${encodeURIComponent(value)}` })),
  },
  {
    kind: "route",
    file: "app/seller/sales/export/route.ts",
    method: "GET",
    persona: "owner",
    statuses: [200],
    probe: () => junkValue.map((value) => ({ path: `/seller/sales/export?from=${encodeURIComponent(value)}&seller=${encodeURIComponent(value)}` })),
  },
  {
    kind: "route",
    file: "app/account/orders/[orderId]/receipt.pdf/route.ts",
    method: "GET",
    persona: "buyer",
    statuses: [404],
    probe: (fx) => fc.oneof(unknownId, ids(fx)).map((value) => ({ path: `/account/orders/${encodeURIComponent(value)}/receipt.pdf` })),
  },
];

/** Broken argument lists, wrong content types, oversized bodies and broken script-less posts: the transport, not the fields. */
const envelope: fc.Arbitrary<Probe> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom("{{{", "[", "", "null", "{}", "123", '"$K1"', '["$Q1"]', '["$@9"]', '["$h1"]', '["$F1"]', '["$T"]', '["$D2020"]', '["$n1"]', '["$B1"]', "[1,2,3]", '["$undefined"]', '["$undefined", 1]'),
        fc.json(),
        junkValue,
      // A FormData reference ($K) in the right place would be a well-formed call.
      ).filter((root) => !root.includes("$K")),
      fc.array(fc.tuple(fc.string({ maxLength: 8 }), junkValue), { maxLength: 2 }),
    )
    .map(([root, fields]): Probe => ({ kind: "root", root, fields })),
  fc
    .tuple(fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "application/octet-stream", "text/plain;charset=utf-8"), fc.oneof(junkValue, fc.json()))
    .map(([contentType, body]): Probe => ({ kind: "body", contentType, body })),
  fc.constant<Probe>({ kind: "body", contentType: "text/plain", body: `["${"x".repeat(1_100_000)}"]` }),
  fc
    .tuple(
      fc.oneof(junkValue, fc.json(), fc.constantFrom("{{", '{"id":1}', '{"bound":"$@1"}', '{"id":"unknown","bound":null}', '{"id":"unknown","bound":"$Q1"}')),
      fc.oneof(junkValue, fc.json(), fc.constantFrom("{{", '["$Q1"]', '"$@1"', '["$@7"]')),
      fc.array(fc.tuple(fc.string({ maxLength: 8 }), junkValue), { maxLength: 2 }),
    )
    .map(([reference, args, fields]): Probe => ({ kind: "progressive", fields: [["$ACTION_REF_1", ""], ["$ACTION_1:0", reference], ["$ACTION_1:1", args], ...fields] })),
);

function actionProbes(target: ActionTarget, fx: Fixtures): fc.Arbitrary<Probe> {
  if (!target.fields) return envelope;
  const forms = target.fields(fx).map((fields): Probe => ({ kind: "form", fields }));
  return fc.oneof({ weight: 4, arbitrary: forms }, { weight: 1, arbitrary: envelope });
}

const UNREADABLE = [
  /prisma/i, /\bundefined\b/, /\bNaN\b/, /\[object /, /\n\s+at /, /\bError:/, /stack/i,
  /\b(invalid_type|invalid_value|invalid_format|too_big|too_small|unrecognized_keys|invalid_union)\b/, /expected (string|number|one of)/i,
  /^\s*[[{]/, /SQLITE/i, /digest/i,
];

function unreadable(message: string): RegExp | undefined {
  return UNREADABLE.find((pattern) => pattern.test(message));
}

function messagesOfAction(result: Record<string, unknown> | undefined): string[] {
  if (!result) return [];
  const fieldErrors = (result.fieldErrors ?? {}) as Record<string, string[] | undefined>;
  return [result.error, result.message, ...Object.values(fieldErrors).flat()].filter((text): text is string => typeof text === "string");
}

async function sendToAction(request: APIRequestContext, action: BuiltServerAction, args: ActionArgs, probe: Probe): Promise<Reply> {
  if (probe.kind === "progressive") {
    const form = new FormData();
    for (const [name, value] of probe.fields) form.append(name, value);
    const response = await request.post(action.page, { multipart: form, maxRedirects: 0, failOnStatusCode: false });
    const text = await response.text();
    return { status: response.status(), messages: (response.headers()["content-type"] ?? "").startsWith("text/plain") ? [text] : [] };
  }
  if (probe.kind === "body") {
    const response = await request.post(action.page, {
      headers: { "next-action": action.id, accept: "text/x-component", "content-type": probe.contentType },
      data: probe.body,
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    const text = await response.text();
    return { status: response.status(), messages: (response.headers()["content-type"] ?? "").startsWith("text/plain") ? [text] : [] };
  }
  const answer = await callServerAction(request, action, probe.fields, args, probe.kind === "root" ? { rawRoot: probe.root } : {});
  return { status: answer.status, messages: [...messagesOfAction(answer.result), ...(answer.contentType.startsWith("text/plain") ? [answer.body] : [])] };
}

async function sendToRoute(request: APIRequestContext, method: "GET" | "POST", probe: { path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const response = await request.fetch(probe.path, { method, headers: probe.headers, data: probe.body, maxRedirects: 0, failOnStatusCode: false });
  const type = response.headers()["content-type"] ?? "";
  const text = await response.text();
  const messages = type.startsWith("text/plain") ? [text] : type.includes("json") ? jsonMessages(text) : [];
  return { status: response.status(), messages };
}

/** The human-facing strings of a JSON answer (next-auth's `{ url }`, the webhooks' `{ error }`). */
function jsonMessages(text: string): string[] {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return ["error", "message"].map((key) => value?.[key]).filter((entry): entry is string => typeof entry === "string");
  } catch {
    return [text];
  }
}

/** Runs `work` over `items` with at most PARALLEL at a time. */
async function inParallel<T>(items: T[], work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

const targetKey = (target: Target) => (target.kind === "action" ? actionKey(target.file, target.exportName) : `${target.method} ${target.file}`);

test("every server action and route handler has a bad-input target", () => {
  const keys = new Set(TARGETS.map(targetKey));
  const actions = builtServerActions().map((action) => actionKey(action.file, action.exportName));
  const routes = declaredRouteHandlers().flatMap((route) => route.methods.map((method) => `${method} ${route.file}`));
  expect([...actions, ...routes].filter((key) => !keys.has(key))).toEqual([]);
});

let fx: Fixtures;
const totals = { inputs: 0, milliseconds: 0 };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const personas = await openPersonas();
  await connectSeller(personas.owner);
  const course = createCourse(personas.owner.id!, { title: "Bad input fixture" });
  await buyCourse(personas.buyer, course);
  await becomeMember(personas.buyer);
  const paidOrderId = readRow<{ id: string }>(`SELECT id FROM "Order" WHERE buyerId = ? AND status = 'paid'`, personas.buyer.id)!.id;
  const otherCourse = createCourse(personas.otherSeller.id!);
  const sectionId = createSection(course.id);
  const lessonId = createLesson(course.id, sectionId, { published: true });
  const fileId = await uploadThroughRoute(personas.owner.request, lessonId, PDF_BYTES);
  const foreignSectionId = createSection(otherCourse.id);
  const foreignLessonId = createLesson(otherCourse.id, foreignSectionId, { published: true });
  const buyer = { id: personas.buyer.id!, email: personas.buyer.email! };
  const deadLinks = {
    reset: [createAccountToken(buyer.id, "password_reset", buyer.email, "expired"), createAccountToken(buyer.id, "password_reset", buyer.email, "used")],
    confirm: [createAccountToken(buyer.id, "email_change", `moved-${randomUUID()}@test.example`, "expired"), createAccountToken(buyer.id, "email_verification", buyer.email, "used")],
  };
  const reviewId = createReviewRow(course.id, personas.buyer.id!);
  const foreignReviewId = createReviewRow(otherCourse.id, personas.admin.id!);
  
  const takenHandle = `taken-${randomUUID().slice(0, 8)}`;
  giveSellerHandle(personas.otherSeller.id!, takenHandle);
  // The owner has a profile already, so a refused edit cannot be the one that creates it.
  giveSellerHandle(personas.owner.id!, `owner-${randomUUID().slice(0, 8)}`);
  fx = { personas, course, otherCourse, paidOrderId, deadLinks, content: { sectionId, lessonId, fileId, foreignSectionId, foreignLessonId }, reviewId, foreignReviewId, takenHandle };
});

test.afterAll(async () => {
  console.log(`bad input: ${totals.inputs} inputs in ${(totals.milliseconds / 1000).toFixed(1)} s (${RUNS} per target, seed ${SEED})`);
  for (const session of Object.values(fx?.personas ?? {})) await session.request.dispose();
});

for (const target of TARGETS) {
  test(`${targetKey(target)}: ${RUNS} malformed inputs, no 5xx, no change, readable messages`, async () => {
    test.setTimeout(Math.max(60_000, RUNS * 400));
    const action = target.kind === "action" ? builtServerActions().find((a) => a.file === target.file && a.exportName === target.exportName) : undefined;
    const probes =
      target.kind === "action"
        ? fc.sample(actionProbes(target, fx), { numRuns: RUNS, seed: SEED })
        : fc.sample(target.probe(fx), { numRuns: RUNS, seed: SEED });
    await waitForWebhooks();
    await waitForOutbox();
    const before = databaseSnapshot();
    const started = Date.now();
    const problems: string[] = [];
    await inParallel(probes as unknown[], async (probe, index) => {
      const who = index % VISITOR_SHARE === 0 ? fx.personas.visitor : fx.personas[target.persona];
      const reply =
        target.kind === "action"
          ? await sendToAction(who.request, action!, target.args, probe as Probe)
          : await sendToRoute(who.request, target.method, probe as { path: string; headers?: Record<string, string>; body?: string });
      const shown = JSON.stringify(probe).slice(0, 300);
      if (reply.status >= 500) problems.push(`${reply.status} as ${who.persona} for ${shown}`);
      // 414/431: Node's own answer to a URL longer than its header limit.
      if (target.kind === "route" && who.persona === target.persona && ![...target.statuses, 414, 431].includes(reply.status)) {
        problems.push(`unexpected ${reply.status} as ${who.persona} for ${shown}`);
      }
      for (const message of reply.messages) {
        const pattern = unreadable(message);
        if (pattern) problems.push(`unreadable message ${JSON.stringify(message.slice(0, 200))} (${pattern}) for ${shown}`);
      }
    });
    await waitForWebhooks();
    await waitForOutbox();
    totals.inputs += probes.length;
    totals.milliseconds += Date.now() - started;
    expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
    expect(changedTables(before, databaseSnapshot()), `tables changed by ${targetKey(target)}`).toEqual([]);
  });
}
