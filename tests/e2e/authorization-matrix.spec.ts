// Every server action and route handler × every persona. The lists are read from the build and
// from app/, so an action or route added without a row here fails the first two tests.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { countRows, createAccountToken, createFailedEmail, createReviewRow, createUnverifiedUser, createUser, deleteReviewRows, openDatabase, readRow, TEST_PASSWORD, waitForOutbox } from "./support/database";
import { changedTables, databaseSnapshot } from "./support/database-snapshot";
import {
  becomeMember,
  buyCourse,
  confirmedSetupIntent,
  connectSeller,
  serverAction,
  signedEvent,
  type WebhookEndpoint,
} from "./support/http-journeys";
import { createAttachment, createLesson, createSection, PDF_BYTES, uploadThroughRoute, uploadUrl } from "./support/content";
import { createCourse, waitForWebhooks } from "./support/payments";
import { coverPng, giveSellerHandle, uploadCover } from "./support/storefront";
import { BASE_URL, logInOverHttp, openPersonas, PERSONAS, signedInEmail, type Persona, type PersonaSession } from "./support/personas";
import {
  actionKey,
  builtServerActions,
  callServerAction,
  declaredRouteHandlers,
  declaredServerActions,
  type ActionAnswer,
  type ActionArgs,
} from "./support/server-actions";

const NOT_LOGGED_IN = "Please log in to do that.";
const NOT_ALLOWED = "You are not allowed to do that.";
const COURSE_GONE = "That course does not exist or is not yours.";
const CONTENT_GONE = "That section or lesson does not exist or is not yours.";
const NOT_AN_OWNER = "Only people who bought this course or whose membership includes it can review it.";
const NO_REVIEW = "That review does not exist or is not yours.";

interface Fixtures {
  personas: Record<Persona, PersonaSession>;
  course: { id: string; slug: string; priceMinor: number };
  /** A second course of the owner, for the rows that edit or unpublish. */
  spareCourse: { id: string; slug: string };
  paidOrderId: string;
  storedEventId: string;
  roleTarget: string;
  disableTarget: string;
  buyerSetupIntent: string;
  failedEmailId: string;
  settingsBefore: { feePercent: string; chargeType: string };
  /** Lessons of the bought course: a published one with a PDF uploaded through the route. */
  content: { sectionId: string; lessonId: string; fileId: string };
  /** A review of the course by someone who is none of the personas (for reply, hide and refusals). */
  reviewId: string;
  /** A picture any seller may upload, and the spare course's cover, uploaded by its owner. */
  picture: Buffer;
  coverImageId: string;
}

/** Refused: the caller sees why, and the database is exactly as before. */
type Refusal = { refused: "login" | "role" } | { refused: "message"; message: string } | { refused: "redirect"; to: RegExp } | { refused: "status"; status: number };
/** Allowed: what proves it ran. `changes` reads the database before and after: it must differ. */
type Allowance = { allowed: true; changes?: (fx: Fixtures, who: PersonaSession) => unknown; answers?: (answer: Answered) => void };
type Access = Refusal | Allowance;

const login: Refusal = { refused: "login" };
const role: Refusal = { refused: "role" };
const refusedWith = (message: string): Refusal => ({ refused: "message", message });
const allowed = (check: Omit<Allowance, "allowed"> = {}): Allowance => ({ allowed: true, ...check });

interface Answered {
  status: number;
  redirect?: string;
  /** The action's returned value, or the route's body. */
  result?: ActionAnswer["result"];
  body: string;
  contentType: string;
}

interface ActionRow {
  kind: "action";
  exportName: string;
  file: string;
  args: ActionArgs;
  input: (fx: Fixtures, who: PersonaSession) => Record<string, string>;
  /** For an action that must not act on the persona's own session: calls it some other way. */
  call?: (fx: Fixtures, who: PersonaSession, invoke: (request: APIRequestContext) => Promise<Answered>) => Promise<Answered>;
  access: Record<Persona, Access>;
}

interface RouteRow {
  kind: "route";
  file: string;
  method: "GET" | "POST";
  call: (fx: Fixtures, who: PersonaSession) => Promise<Answered>;
  access: Record<Persona, Access>;
}

type Row = ActionRow | RouteRow;

const sellersOnly = (owner: Access, otherSeller: Access = owner): Record<Persona, Access> => ({
  visitor: login,
  buyer: role,
  otherSeller,
  owner,
  admin: role,
});
const adminsOnly = (admin: Access): Record<Persona, Access> => ({ visitor: login, buyer: role, otherSeller: role, owner: role, admin });
const anyUser = (each: Access | ((persona: Persona) => Access)): Record<Persona, Access> =>
  Object.fromEntries(PERSONAS.map((persona) => [persona, persona === "visitor" ? login : typeof each === "function" ? each(persona) : each])) as Record<Persona, Access>;

const everyone = (access: Access): Record<Persona, Access> => Object.fromEntries(PERSONAS.map((persona) => [persona, access])) as Record<Persona, Access>;
/** Sellers of the course and admins may edit its content; another seller finds nothing. */
const contentEditors = (editor: Access): Record<Persona, Access> => ({ visitor: login, buyer: role, otherSeller: refusedWith(CONTENT_GONE), owner: editor, admin: editor });
const isEditor = (who: PersonaSession) => who.persona === "owner" || who.persona === "admin";
const answered = (message: string) => (answer: Answered) => expect(answer.result?.message).toBe(message);
/** Rows that delete: an editor deletes a fresh row of its own each time, refused callers aim at the fixture. */
const freshSection = (fx: Fixtures, who: PersonaSession) => (isEditor(who) ? createSection(fx.course.id, "Fresh") : fx.content.sectionId);
const freshLesson = (fx: Fixtures, who: PersonaSession) => (isEditor(who) ? createLesson(fx.course.id, fx.content.sectionId) : fx.content.lessonId);
const contentRow = (exportName: string, input: ActionRow["input"], access: Record<Persona, Access>): ActionRow => ({
  kind: "action",
  exportName,
  file: "app/seller/courses/[id]/content/actions.ts",
  args: "state-and-form",
  input,
  access,
});
const lessonTitle = (fx: Fixtures) => readRow<{ title: string; body: string }>(`SELECT title, body FROM "Lesson" WHERE id = ?`, fx.content.lessonId);

const auditCount = (_fx: Fixtures, who: PersonaSession) => countRows(`SELECT count(*) n FROM "AuditLog" WHERE actorId = ?`, who.id);
/** A fee other than the one in force, so an allowed call always changes it. */
const togglePercent = (basisPoints: number | null | undefined) => (basisPoints === 700 ? "8" : "7");
const redirectsTo = (pattern: RegExp) => (answer: Answered) => expect(answer.redirect ?? "").toMatch(pattern);

async function routeCall(who: PersonaSession, method: "GET" | "POST", path: string, options: { data?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Answered> {
  const response = await who.request.fetch(path, { method, maxRedirects: 0, failOnStatusCode: false, ...options });
  const body = await response.text();
  return { status: response.status(), redirect: response.headers()["location"], body, contentType: response.headers()["content-type"] ?? "" };
}

function webhookRow(endpoint: WebhookEndpoint): RouteRow {
  const file = `app${endpoint}/route.ts`;
  return {
    kind: "route",
    file,
    method: "POST",
    // Who calls does not matter: only Stripe's signature does. Everyone is refused unsigned, and a signed event is stored.
    call: async (_fx, who) => {
      const { payload } = signedEvent(endpoint);
      return routeCall(who, "POST", endpoint, { data: payload, headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=forged" } });
    },
    access: everyone({ refused: "status", status: 400 }),
  };
}

const roleOf = (who: PersonaSession) => (who.persona === "buyer" ? "buyer" : who.persona === "admin" ? "admin" : "seller");

/**
 * For actions that would change the persona's own account for good (password, deletion): runs as
 * a fresh, unverified user of the persona's role in a browser of its own; a visitor calls signed out.
 */
const asFreshUser = async (who: PersonaSession, invoke: (request: APIRequestContext) => Promise<Answered>): Promise<Answered> => {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  try {
    if (who.persona !== "visitor") await logInOverHttp(context, await createUnverifiedUser(roleOf(who), "matrix-fresh"));
    return await invoke(context);
  } finally {
    await context.dispose();
  }
};
/** The link the next row call opens: a fresh user's, made in `withFreshLink` (the input is read synchronously). */
let linkToken = "";
/** For the actions that open an emailed link: anyone holding a fresh link may, in a browser of their own. */
const withFreshLink =
  (purpose: "password_reset" | "email_verification") =>
  async (_fx: Fixtures, _who: PersonaSession, invoke: (request: APIRequestContext) => Promise<Answered>): Promise<Answered> => {
    const user = await createUnverifiedUser("buyer", "matrix-link");
    linkToken = createAccountToken(user.id, purpose, user.email);
    const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
    try {
      return await invoke(context);
    } finally {
      await context.dispose();
    }
  };
const personaName = (who: PersonaSession) => (who.id ? readRow<{ name: string }>(`SELECT name FROM "User" WHERE id = ?`, who.id)?.name : null);

const buyersReview = (fx: Fixtures, who: PersonaSession) => readRow<{ id: string; rating: number; body: string }>(`SELECT id, rating, body FROM "Review" WHERE courseId = ? AND authorId = ?`, fx.course.id, who.id);
const reviewRow = (exportName: string, input: ActionRow["input"], access: Record<Persona, Access>): ActionRow => ({ kind: "action", exportName, file: "app/reviews/actions.ts", args: "state-and-form", input, access });
/** Only the buyer owns the course; the seller may not rate their own; the rest own nothing. */
const reviewers = (buyer: Access, others: Access, owner: Access = others): Record<Persona, Access> => ({ visitor: login, buyer, otherSeller: others, owner, admin: others });

const ROWS: Row[] = [
  {
    kind: "action",
    exportName: "requestPasswordResetAction",
    file: "app/(auth)/forgot-password/actions.ts",
    args: "state-and-form",
    input: () => ({ email: `matrix-forgot-${randomUUID().slice(0, 8)}@test.example` }),
    access: everyone(allowed({ answers: (a) => expect(a.result?.message ?? "").toMatch(/^If matrix-forgot-\S+ belongs to an account, we have sent it a link/) })),
  },
  {
    kind: "action",
    exportName: "resetPasswordAction",
    file: "app/(auth)/reset-password/actions.ts",
    args: "state-and-form",
    input: () => ({ token: linkToken, password: "matrix-new-password" }),
    // Whoever holds a fresh link may use it, signed in or not.
    call: withFreshLink("password_reset"),
    access: everyone(allowed({ answers: redirectsTo(/\/login\?reset=1$/) })),
  },
  {
    kind: "action",
    exportName: "confirmEmailAction",
    file: "app/(auth)/verify-email/actions.ts",
    args: "state-and-form",
    input: () => ({ token: linkToken }),
    call: withFreshLink("email_verification"),
    access: everyone(allowed({ answers: (a) => expect(a.result?.message ?? "").toMatch(/^Thank you: matrix-link-\S+ is confirmed\.$/) })),
  },
  {
    kind: "action",
    exportName: "changeNameAction",
    file: "app/account/actions.ts",
    args: "state-and-form",
    input: () => ({ name: `Matrix ${randomUUID().slice(0, 6)}` }),
    access: anyUser(allowed({ changes: (_fx, who) => personaName(who) })),
  },
  {
    kind: "action",
    exportName: "changeEmailAction",
    file: "app/account/actions.ts",
    args: "state-and-form",
    input: () => ({ email: `matrix-moved-${randomUUID().slice(0, 8)}@test.example`, currentPassword: TEST_PASSWORD }),
    // The account keeps its address until the link is opened: what changes is the link on its way to the new one.
    access: anyUser(allowed({ changes: (_fx, who) => readRow(`SELECT email FROM "AccountToken" WHERE userId = ? AND purpose = 'email_change' AND usedAt IS NULL`, who.id) ?? null })),
  },
  {
    kind: "action",
    exportName: "changePasswordAction",
    file: "app/account/actions.ts",
    args: "state-and-form",
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "matrix-new-password" }),
    call: (_fx, who, invoke) => asFreshUser(who, invoke),
    access: anyUser(allowed({ answers: answered("Your password is changed. You are logged out on your other devices.") })),
  },
  {
    kind: "action",
    exportName: "resendVerificationAction",
    file: "app/account/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    call: (_fx, who, invoke) => asFreshUser(who, invoke),
    access: anyUser(allowed({ answers: (a) => expect(a.result?.message ?? "").toMatch(/^We have sent a new link to matrix-fresh-/) })),
  },
  {
    kind: "action",
    exportName: "deleteAccountAction",
    file: "app/account/actions.ts",
    args: "state-and-form",
    input: () => ({ currentPassword: TEST_PASSWORD }),
    call: (_fx, who, invoke) => asFreshUser(who, invoke),
    // An admin's own account is not deleted from here: the answer says what to do instead.
    access: anyUser((persona) =>
      persona === "admin"
        ? allowed({ answers: (a) => expect(a.result?.error ?? "").toMatch(/Admin accounts cannot be deleted here/) })
        : allowed({ answers: redirectsTo(/\/login\?deleted=1$/) }),
    ),
  },
  {
    kind: "action",
    exportName: "updateMerchantDetailsAction",
    file: "app/admin/settings/actions.ts",
    args: "state-and-form",
    input: () => ({ merchantName: `Matrix Merchant ${randomUUID().slice(0, 6)}`, merchantAddress: "1 Matrix Way\nTest City" }),
    access: adminsOnly(allowed({ changes: () => readRow(`SELECT name FROM "MerchantDetails"`) ?? null })),
  },
  reviewRow(
    "createReviewAction",
    (fx, who) => {
      // The buyer's allowed call writes a fresh review each run (one per course).
      if (who.persona === "buyer") deleteReviewRows(fx.course.id, who.id!);
      return { courseId: fx.course.id, rating: "4", body: "Matrix review" };
    },
    reviewers(allowed({ changes: buyersReview }), refusedWith(NOT_AN_OWNER), refusedWith("You cannot review your own course.")),
  ),
  reviewRow(
    "updateReviewAction",
    (fx, who) => {
      if (who.persona === "buyer") createReviewRow(fx.course.id, who.id!);
      return { courseId: fx.course.id, rating: "3", body: `Edited ${randomUUID().slice(0, 6)}` };
    },
    reviewers(allowed({ changes: buyersReview }), refusedWith(NO_REVIEW)),
  ),
  reviewRow(
    "deleteReviewAction",
    (fx, who) => ({ reviewId: who.persona === "buyer" ? createReviewRow(fx.course.id, who.id!) : fx.reviewId }),
    reviewers(allowed({ answers: answered("Your review is deleted.") }), refusedWith(NO_REVIEW)),
  ),
  reviewRow(
    "saveReplyAction",
    (fx) => ({ reviewId: fx.reviewId, reply: `Thanks ${randomUUID().slice(0, 6)}` }),
    sellersOnly(allowed({ changes: (fx) => readRow(`SELECT reply FROM "Review" WHERE id = ?`, fx.reviewId) }), refusedWith("That review does not exist or is not on one of your courses.")),
  ),
  reviewRow(
    "setReviewHiddenAction",
    (fx) => ({ reviewId: fx.reviewId, hidden: readRow<{ hiddenAt: string | null }>(`SELECT hiddenAt FROM "Review" WHERE id = ?`, fx.reviewId)?.hiddenAt ? "false" : "true" }),
    adminsOnly(allowed({ changes: auditCount })),
  ),
  contentRow(
    "addSectionAction",
    (fx) => ({ courseId: fx.course.id, title: `Matrix section ${randomUUID().slice(0, 6)}` }),
    { ...contentEditors(allowed({ changes: (fx) => countRows(`SELECT count(*) n FROM "CourseSection" WHERE courseId = ?`, fx.course.id) })), otherSeller: refusedWith(COURSE_GONE) },
  ),
  contentRow(
    "renameSectionAction",
    (fx) => ({ sectionId: fx.content.sectionId, title: `Renamed ${randomUUID().slice(0, 6)}` }),
    contentEditors(allowed({ changes: (fx) => readRow(`SELECT title FROM "CourseSection" WHERE id = ?`, fx.content.sectionId) })),
  ),
  contentRow("moveSectionAction", (fx) => ({ sectionId: fx.content.sectionId, direction: "down" }), contentEditors(allowed({ answers: answered("Section moved.") }))),
  contentRow("deleteSectionAction", (fx, who) => ({ sectionId: freshSection(fx, who) }), contentEditors(allowed({ answers: answered("Section deleted with its lessons.") }))),
  contentRow(
    "addLessonAction",
    (fx) => ({ sectionId: fx.content.sectionId, title: `Matrix lesson ${randomUUID().slice(0, 6)}` }),
    contentEditors(allowed({ changes: (fx) => countRows(`SELECT count(*) n FROM "Lesson" WHERE sectionId = ?`, fx.content.sectionId) })),
  ),
  contentRow(
    "saveLessonAction",
    // Not a preview: the file route rows below need the lesson closed to visitors.
    (fx) => ({ lessonId: fx.content.lessonId, title: "Matrix lesson", body: `Body ${randomUUID()}` }),
    contentEditors(allowed({ changes: lessonTitle })),
  ),
  contentRow(
    "setLessonPublishedAction",
    (fx) => ({ lessonId: fx.content.lessonId, published: "true" }),
    contentEditors(allowed({ answers: answered("Published: learners can open it now.") })),
  ),
  contentRow("moveLessonAction", (fx) => ({ lessonId: fx.content.lessonId, direction: "up" }), contentEditors(allowed({ answers: answered("Lesson moved.") }))),
  contentRow("deleteLessonAction", (fx, who) => ({ lessonId: freshLesson(fx, who) }), contentEditors(allowed({ answers: answered("Lesson deleted.") }))),
  contentRow(
    "removeLessonFileAction",
    (fx, who) => ({ lessonId: fx.content.lessonId, fileId: isEditor(who) ? createAttachment(fx.content.lessonId, who.id!) : fx.content.fileId }),
    contentEditors(allowed({ answers: answered("File removed.") })),
  ),
  {
    kind: "action",
    exportName: "markLessonAction",
    file: "app/library/[slug]/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ lessonId: fx.content.lessonId, done: "true" }),
    // The buyer owns the course, the seller and admins may open every lesson; another seller may not.
    access: anyUser((persona) =>
      persona === "otherSeller"
        ? refusedWith("That lesson is not open to you.")
        : allowed({ changes: (fx, who) => readRow(`SELECT completedAt FROM "LessonProgress" WHERE userId = ? AND lessonId = ?`, who.id, fx.content.lessonId) ?? null }),
    ),
  },
  {
    kind: "route",
    file: "app/api/lessons/[lessonId]/files/route.ts",
    method: "POST",
    call: (fx, who) => routeCall(who, "POST", uploadUrl(fx.content.lessonId, "file", "matrix.pdf"), { data: PDF_BYTES.toString("latin1"), headers: { "content-type": "application/octet-stream" } }),
    access: {
      visitor: login,
      buyer: role,
      otherSeller: { refused: "status", status: 404 },
      owner: allowed({ changes: (fx) => countRows(`SELECT count(*) n FROM "LessonAttachment" WHERE lessonId = ?`, fx.content.lessonId) }),
      admin: allowed({ changes: (fx) => countRows(`SELECT count(*) n FROM "LessonAttachment" WHERE lessonId = ?`, fx.content.lessonId) }),
    },
  },
  {
    kind: "route",
    file: "app/api/lessons/[lessonId]/files/[fileId]/route.ts",
    method: "GET",
    call: (fx, who) => routeCall(who, "GET", `/api/lessons/${fx.content.lessonId}/files/${fx.content.fileId}`),
    access: {
      visitor: login,
      buyer: allowed({ answers: (answer) => expect(answer.contentType).toBe("application/pdf") }),
      otherSeller: { refused: "status", status: 404 },
      owner: allowed({ answers: (answer) => expect(answer.contentType).toBe("application/pdf") }),
      admin: allowed({ answers: (answer) => expect(answer.contentType).toBe("application/pdf") }),
    },
  },
  {
    kind: "route",
    file: "app/api/courses/[courseId]/cover/route.ts",
    method: "POST",
    call: (fx, who) => routeCall(who, "POST", `/api/courses/${fx.course.id}/cover`, { data: fx.picture, headers: { "content-type": "application/octet-stream" } }),
    access: sellersOnly(allowed({ changes: (fx) => readRow(`SELECT imageId FROM "CourseCover" WHERE courseId = ?`, fx.course.id) }), { refused: "status", status: 404 }),
  },
  {
    kind: "route",
    file: "app/api/sellers/avatar/route.ts",
    method: "POST",
    call: (fx, who) => routeCall(who, "POST", "/api/sellers/avatar", { data: fx.picture, headers: { "content-type": "application/octet-stream" } }),
    access: sellersOnly(allowed({ changes: (_fx, who) => readRow(`SELECT avatarImageId FROM "SellerProfile" WHERE userId = ?`, who.id) })),
  },
  {
    kind: "route",
    file: "app/api/images/[imageId]/[variant]/route.ts",
    method: "GET",
    // Covers are public: everyone gets the picture, cached for a year.
    call: (fx, who) => routeCall(who, "GET", `/api/images/${fx.coverImageId}/w480.webp`),
    access: everyone(
      allowed({
        answers: (answer) => {
          expect(answer.status).toBe(200);
          expect(answer.contentType).toBe("image/webp");
        },
      }),
    ),
  },
  {
    kind: "action",
    exportName: "updateSellerProfileAction",
    file: "app/seller/profile/actions.ts",
    args: "state-and-form",
    input: (_fx, who) => ({ handle: `matrix-${who.persona.toLowerCase()}-${randomUUID().slice(0, 6)}`, bio: `Bio ${randomUUID()}` }),
    access: sellersOnly(allowed({ changes: (_fx, who) => readRow(`SELECT handle, bio FROM "SellerProfile" WHERE userId = ?`, who.id) })),
  },
  // Registration is open to everyone, signed in or not.
  {
    kind: "action",
    exportName: "register",
    file: "app/(auth)/register/actions.ts",
    args: "state-and-form",
    input: () => ({ name: "Matrix Person", email: `matrix-new-${randomUUID().slice(0, 8)}@test.example`, password: "long-enough-password" }),
    access: everyone(allowed({ changes: () => countRows(`SELECT count(*) n FROM "User"`) })),
  },
  {
    kind: "action",
    exportName: "createCourseAction",
    file: "app/seller/actions.ts",
    args: "state-and-form",
    input: () => ({ title: `Matrix ${randomUUID().slice(0, 6)}`, description: "Made by the matrix.", price: "19.00", currency: "usd", slug: "" }),
    // Another seller may create courses too: they are their own.
    access: sellersOnly(allowed({ changes: (_fx, who) => countRows(`SELECT count(*) n FROM "Course" WHERE sellerId = ?`, who.id) })),
  },
  {
    kind: "action",
    exportName: "updateCourseAction",
    file: "app/seller/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ courseId: fx.spareCourse.id, title: `Renamed ${randomUUID().slice(0, 6)}`, description: "Changed.", price: "31.00", currency: "usd", slug: fx.spareCourse.slug }),
    access: sellersOnly(allowed({ changes: (fx) => readRow(`SELECT title FROM "Course" WHERE id = ?`, fx.spareCourse.id) }), refusedWith(COURSE_GONE)),
  },
  {
    kind: "action",
    exportName: "setPublishedAction",
    file: "app/seller/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ courseId: fx.spareCourse.id, published: "false" }),
    access: sellersOnly(allowed({ changes: (fx) => readRow(`SELECT published FROM "Course" WHERE id = ?`, fx.spareCourse.id) }), refusedWith(COURSE_GONE)),
  },
  {
    kind: "action",
    exportName: "startCheckout",
    file: "app/checkout/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ courseId: fx.course.id, expectedAmountMinor: String(fx.course.priceMinor), expectedCurrency: "usd", expectedChargeType: "destination" }),
    access: anyUser((persona) =>
      persona === "owner"
        ? refusedWith("This is your own course: you cannot buy it.")
        : persona === "buyer"
          ? refusedWith("You already own this course. Find it in your library.")
          : allowed({ changes: (fx, who) => countRows(`SELECT count(*) n FROM "Order" WHERE buyerId = ? AND courseId = ?`, who.id, fx.course.id) }),
    ),
  },
  {
    kind: "action",
    exportName: "startMembership",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    access: anyUser((persona) =>
      // A member may ask; the membership is re-read from Stripe (a write) and the answer says so.
      persona === "buyer"
        ? allowed({ answers: (answer) => expect(answer.result?.error).toBe("You are already a member.") })
        : allowed({ changes: (_fx, who) => readRow(`SELECT stripeSubscriptionId FROM "Membership" WHERE userId = ?`, who.id) ?? null }),
    ),
  },
  {
    kind: "action",
    exportName: "confirmMembership",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    // Re-reads the caller's own subscription from Stripe; the member's row is already active, so the answer is the proof.
    access: anyUser((persona) =>
      persona === "buyer"
        ? allowed({ answers: (answer) => expect(answer.result?.message).toBe("Welcome! Your membership is active.") })
        : // Their own unpaid join: re-read from Stripe (a write to their own row), and not active yet.
          allowed({ answers: (answer) => expect(answer.result?.error).toBe("We have not received the first payment yet. If you were charged, this page updates in a moment.") }),
    ),
  },
  {
    kind: "action",
    exportName: "startCardChange",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    access: anyUser((persona) =>
      persona === "buyer"
        ? allowed({ changes: (_fx, who) => readRow(`SELECT actionCount FROM "Membership" WHERE userId = ?`, who.id) })
        : refusedWith("You have no active membership to update."),
    ),
  },
  {
    kind: "action",
    exportName: "finishCardChange",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    // Everyone sends the buyer's SetupIntent: only the buyer's own is accepted.
    input: (fx) => ({ setupIntentId: fx.buyerSetupIntent }),
    access: anyUser((persona) =>
      persona === "buyer"
        ? allowed({ answers: (answer) => expect(answer.result?.message).toBe("Your new card will be used for renewals.") })
        : refusedWith("We could not find that card update."),
    ),
  },
  {
    kind: "action",
    exportName: "cancellationAction",
    file: "app/membership/actions.ts",
    args: "state-and-form",
    input: () => ({ cancel: "true" }),
    access: anyUser((persona) =>
      persona === "buyer"
        ? allowed({ changes: (_fx, who) => readRow(`SELECT cancelAtPeriodEnd FROM "Membership" WHERE userId = ?`, who.id) })
        : refusedWith("You have no active membership to change."),
    ),
  },
  {
    kind: "action",
    exportName: "changeRoleAction",
    file: "app/admin/users/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ userId: fx.roleTarget, role: "admin" }),
    access: adminsOnly(allowed({ changes: (fx) => readRow(`SELECT role FROM "User" WHERE id = ?`, fx.roleTarget) })),
  },
  {
    kind: "action",
    exportName: "setDisabledAction",
    file: "app/admin/users/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ userId: fx.disableTarget, disabled: "true" }),
    access: adminsOnly(allowed({ changes: (fx) => readRow(`SELECT disabled FROM "User" WHERE id = ?`, fx.disableTarget) })),
  },
  {
    kind: "action",
    exportName: "resyncMembershipAction",
    file: "app/admin/users/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ userId: fx.personas.buyer.id! }),
    access: adminsOnly(allowed({ changes: auditCount })),
  },
  {
    kind: "action",
    exportName: "resyncSellerAccountAction",
    file: "app/admin/users/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ userId: fx.personas.owner.id! }),
    access: adminsOnly(allowed({ changes: auditCount })),
  },
  {
    kind: "action",
    exportName: "resyncOrderAction",
    file: "app/admin/orders/[orderId]/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ orderId: fx.paidOrderId }),
    access: adminsOnly(allowed({ changes: auditCount })),
  },
  {
    kind: "action",
    exportName: "refundOrderAction",
    file: "app/admin/orders/[orderId]/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ orderId: fx.paidOrderId, formToken: randomUUID(), amount: "1.00", reason: "requested_by_customer", note: "matrix" }),
    access: adminsOnly(allowed({ changes: (fx) => countRows(`SELECT count(*) n FROM "RefundRequest" WHERE orderId = ?`, fx.paidOrderId) })),
  },
  {
    kind: "action",
    exportName: "replayEventAction",
    file: "app/admin/events/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ eventId: fx.storedEventId }),
    access: adminsOnly(allowed({ changes: auditCount })),
  },
  {
    kind: "action",
    exportName: "resendEmailAction",
    file: "app/admin/emails/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ emailId: fx.failedEmailId }),
    access: adminsOnly(allowed({ changes: (fx) => readRow(`SELECT status FROM "OutboxEmail" WHERE id = ?`, fx.failedEmailId) })),
  },
  {
    kind: "action",
    exportName: "logOut",
    file: "app/(auth)/logout/actions.ts",
    args: "form",
    input: () => ({}),
    // In a second session of the persona's account: logging out ends only that one, so the persona stays signed in for the other rows.
    call: async (_fx, who, invoke) => {
      const second = await playwrightRequest.newContext({ baseURL: BASE_URL });
      try {
        if (who.email) await logInOverHttp(second, { email: who.email, password: TEST_PASSWORD });
        const answer = await invoke(second);
        const signedOut = !(await signedInEmail(second));
        const personaStays = !who.email || (await signedInEmail(who.request)) === who.email;
        return { ...answer, body: signedOut && personaStays ? "signed out" : "still signed in" };
      } finally {
        await second.dispose();
      }
    },
    access: everyone(
      allowed({
        answers: (a) => {
          expect(a.redirect ?? "").toMatch(/^(https?:\/\/[^/]+)?\/$/);
          expect(a.body).toBe("signed out");
        },
      }),
    ),
  },
  {
    kind: "action",
    exportName: "logOutEverywhere",
    file: "app/(auth)/logout/actions.ts",
    args: "form",
    input: () => ({}),
    // Ends every session of the account: run for a fresh user of the persona's role, so the persona's own sessions survive.
    call: async (_fx, who, invoke) => {
      const fresh = await playwrightRequest.newContext({ baseURL: BASE_URL });
      try {
        const role = who.persona === "buyer" ? "buyer" : who.persona === "admin" ? "admin" : "seller";
        const user = who.persona === "visitor" ? null : await createUser(role, "matrix-everywhere");
        if (user) await logInOverHttp(fresh, user);
        const other = user ? await playwrightRequest.newContext({ baseURL: BASE_URL }) : null;
        if (user && other) await logInOverHttp(other, user);
        const answer = await invoke(fresh);
        const otherOut = other ? !(await signedInEmail(other)) : true;
        await other?.dispose();
        return { ...answer, body: otherOut && !(await signedInEmail(fresh)) ? "all signed out" : "a session survived" };
      } finally {
        await fresh.dispose();
      }
    },
    access: {
      ...anyUser(allowed({ answers: (a) => { expect(a.redirect ?? "").toMatch(/\/login\?loggedOut=everywhere$/); expect(a.body).toBe("all signed out"); } })),
      visitor: { refused: "redirect", to: /\/login\?callbackUrl=%2Faccount$/ },
    },
  },
  {
    kind: "action",
    exportName: "updatePlatformSettingsAction",
    file: "app/admin/settings/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ feePercent: fx.settingsBefore.feePercent === "12.5" ? "12.25" : "12.5", chargeType: fx.settingsBefore.chargeType }),
    access: adminsOnly(allowed({ changes: () => readRow(`SELECT feeBasisPoints FROM "PlatformSettings"`) ?? null })),
  },
  {
    kind: "action",
    exportName: "setSellerFeeAction",
    file: "app/admin/fees/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ email: fx.personas.owner.email!, feePercent: togglePercent(readRow<{ feeBasisPoints: number }>(`SELECT feeBasisPoints FROM "SellerFeeOverride" WHERE sellerId = ?`, fx.personas.owner.id)?.feeBasisPoints) }),
    access: adminsOnly(allowed({ changes: (fx) => readRow(`SELECT feeBasisPoints FROM "SellerFeeOverride" WHERE sellerId = ?`, fx.personas.owner.id) ?? null })),
  },
  {
    kind: "action",
    exportName: "setCourseFeeAction",
    file: "app/admin/fees/actions.ts",
    args: "state-and-form",
    input: (fx) => ({ slug: fx.spareCourse.slug, feePercent: togglePercent(readRow<{ feeBasisPoints: number | null }>(`SELECT feeBasisPoints FROM "Course" WHERE id = ?`, fx.spareCourse.id)?.feeBasisPoints) }),
    access: adminsOnly(allowed({ changes: (fx) => readRow(`SELECT feeBasisPoints FROM "Course" WHERE id = ?`, fx.spareCourse.id) })),
  },
  {
    kind: "action",
    exportName: "connectWithOAuthAction",
    file: "app/seller/connect/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    // Sends the seller to Stripe's authorize page; nothing is stored until Stripe sends them back.
    access: sellersOnly(allowed({ answers: redirectsTo(/\/oauth\/authorize\?.*state=/) })),
  },
  {
    kind: "action",
    exportName: "openDashboardAction",
    file: "app/seller/connect/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    access: sellersOnly(allowed({ answers: redirectsTo(/^http:\/\/127\.0\.0\.1:\d+\//) }), refusedWith("No Stripe account is connected.")),
  },
  {
    kind: "action",
    exportName: "startOnboardingAction",
    file: "app/seller/connect/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    // The other seller has no account yet: onboarding creates one and stores it.
    access: sellersOnly(
      allowed({ answers: redirectsTo(/^http:\/\/127\.0\.0\.1:\d+\//) }),
      allowed({ changes: (_fx, who) => readRow(`SELECT stripeAccountId FROM "SellerAccount" WHERE userId = ?`, who.id) ?? null }),
    ),
  },
  {
    kind: "action",
    exportName: "disconnectAction",
    file: "app/seller/connect/actions.ts",
    args: "state-and-form",
    input: () => ({}),
    access: sellersOnly(
      allowed({ changes: (_fx, who) => readRow(`SELECT disconnectedAt FROM "SellerAccount" WHERE userId = ?`, who.id) }),
      allowed({ changes: (_fx, who) => readRow(`SELECT disconnectedAt FROM "SellerAccount" WHERE userId = ?`, who.id) }),
    ),
  },
  {
    kind: "route",
    file: "app/api/health/route.ts",
    method: "GET",
    call: (_fx, who) => routeCall(who, "GET", "/api/health"),
    access: everyone(allowed({ answers: (a) => expect(JSON.parse(a.body).status).toBe("ok") })),
  },
  {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "GET",
    call: (_fx, who) => routeCall(who, "GET", "/api/auth/session"),
    access: everyone(allowed({ answers: (a) => expect(a.status).toBe(200) })),
  },
  {
    kind: "route",
    file: "app/api/auth/[...nextauth]/route.ts",
    method: "POST",
    // Anyone may log in; a fresh context so the persona's own session is left alone.
    call: async () => {
      const user = await createUser("buyer", "matrix-login");
      const fresh = await playwrightRequest.newContext({ baseURL: BASE_URL });
      const { csrfToken } = (await (await fresh.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await fresh.post("/api/auth/callback/credentials", {
        form: { email: user.email, password: user.password, csrfToken, json: "true" },
        maxRedirects: 0,
      });
      const session = (await (await fresh.get("/api/auth/session")).json()) as { user?: { email?: string } };
      await fresh.dispose();
      return { status: response.status(), body: session.user?.email === user.email ? "signed-in" : "not signed in", contentType: "" };
    },
    access: everyone(allowed({ answers: (a) => expect(a.body).toBe("signed-in") })),
  },
  webhookRow("/api/stripe/webhook"),
  webhookRow("/api/stripe/connect-webhook"),
  {
    kind: "route",
    file: "app/seller/connect/oauth/callback/route.ts",
    method: "GET",
    // A code and state meant for someone else: refused before the code is used.
    call: (_fx, who) => routeCall(who, "GET", `/seller/connect/oauth/callback?code=ac_matrix_${randomUUID().slice(0, 8)}&state=forged.state`),
    access: { visitor: { refused: "redirect", to: /\/login\?callbackUrl=/ }, buyer: { refused: "status", status: 403 }, otherSeller: { refused: "redirect", to: /\/seller\?connect=invalid_state$/ }, owner: { refused: "redirect", to: /\/seller\?connect=invalid_state$/ }, admin: { refused: "status", status: 403 } },
  },
  {
    kind: "route",
    file: "app/seller/connect/onboarding/refresh/route.ts",
    method: "GET",
    call: (_fx, who) => routeCall(who, "GET", "/seller/connect/onboarding/refresh"),
    access: sellersOnly(allowed({ answers: (a) => expect(a.status).toBe(307) })),
  },
  {
    kind: "route",
    file: "app/seller/connect/onboarding/return/route.ts",
    method: "GET",
    call: (_fx, who) => routeCall(who, "GET", "/seller/connect/onboarding/return"),
    access: sellersOnly(allowed({ answers: redirectsTo(/\/seller\?connect=returned$/) })),
  },
  {
    kind: "route",
    file: "app/seller/sales/export/route.ts",
    method: "GET",
    call: (_fx, who) => routeCall(who, "GET", "/seller/sales/export"),
    access: {
      visitor: { refused: "status", status: 401 },
      buyer: { refused: "status", status: 403 },
      // The owner's CSV lists the fixture's sale; another seller's does not.
      otherSeller: allowed({ answers: (a) => expect(a.body).not.toContain("Matrix fixture") }),
      owner: allowed({ answers: (a) => expect(a.body).toContain("Matrix fixture") }),
      admin: { refused: "status", status: 403 },
    },
  },
  {
    kind: "route",
    file: "app/account/orders/[orderId]/receipt.pdf/route.ts",
    method: "GET",
    call: (fx, who) => routeCall(who, "GET", `/account/orders/${fx.paidOrderId}/receipt.pdf`),
    // Only the buyer's own receipt; everyone else is told there is none (not that it exists).
    access: {
      visitor: { refused: "status", status: 401 },
      buyer: allowed({
        answers: (a) => {
          expect(a.contentType).toBe("application/pdf");
          expect(a.body.startsWith("%PDF-")).toBe(true);
        },
      }),
      otherSeller: { refused: "status", status: 404 },
      owner: { refused: "status", status: 404 },
      admin: { refused: "status", status: 404 },
    },
  },
];

const rowKey = (row: Row) => (row.kind === "action" ? actionKey(row.file, row.exportName) : `${row.method} ${row.file}`);

test("every server action in the build and in app/**/actions.ts has a row", () => {
  const inTable = new Set(ROWS.filter((row) => row.kind === "action").map(rowKey));
  const built = builtServerActions().map((action) => actionKey(action.file, action.exportName));
  const declared = declaredServerActions().map((action) => actionKey(action.file, action.exportName));
  expect(built.length).toBeGreaterThan(0);
  expect(built.filter((key) => !inTable.has(key)), "built actions missing from the table").toEqual([]);
  expect(declared.filter((key) => !inTable.has(key)), "declared actions missing from the table").toEqual([]);
  expect([...inTable].filter((key) => !declared.includes(key)), "rows for actions that no longer exist").toEqual([]);
});

test("every route handler method in app/**/route.ts has a row", () => {
  const inTable = new Set(ROWS.filter((row) => row.kind === "route").map(rowKey));
  const declared = declaredRouteHandlers().flatMap((route) => route.methods.map((method) => `${method} ${route.file}`));
  expect(declared.length).toBeGreaterThan(0);
  expect(declared.filter((key) => !inTable.has(key)), "route handlers missing from the table").toEqual([]);
  expect([...inTable].filter((key) => !declared.includes(key)), "rows for routes that no longer exist").toEqual([]);
});

let fx: Fixtures;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const personas = await openPersonas();
  await connectSeller(personas.owner);
  const course = createCourse(personas.owner.id!, { title: "Matrix fixture" });
  await buyCourse(personas.buyer, course);
  const paidOrderId = readRow<{ id: string }>(`SELECT id FROM "Order" WHERE buyerId = ? AND courseId = ? AND status = 'paid'`, personas.buyer.id, course.id)?.id;
  expect(paidOrderId, "the fixture order is paid").toBeTruthy();
  await becomeMember(personas.buyer);
  expect(readRow<{ status: string }>(`SELECT status FROM "Membership" WHERE userId = ?`, personas.buyer.id)?.status).toBe("active");
  const buyerSetupIntent = await confirmedSetupIntent(personas.buyer);
  const { eventId, payload, signature } = signedEvent("/api/stripe/webhook");
  const stored = await personas.visitor.request.post("/api/stripe/webhook", { data: payload, headers: { "content-type": "application/json", "stripe-signature": signature } });
  expect(stored.status()).toBe(200);
  const settings = readRow<{ feeBasisPoints: number; chargeType: string }>(`SELECT feeBasisPoints, chargeType FROM "PlatformSettings"`);
  const sectionId = createSection(course.id, "Matrix section");
  const lessonId = createLesson(course.id, sectionId, { title: "Matrix lesson", published: true });
  const fileId = await uploadThroughRoute(personas.owner.request, lessonId, PDF_BYTES);
  const spareCourse = createCourse(personas.owner.id!);
  for (const persona of ["owner", "otherSeller"] as const) giveSellerHandle(personas[persona].id!, `matrix-${persona.toLowerCase()}-${randomUUID().slice(0, 6)}`);
  const picture = await coverPng();
  const coverImageId = await uploadCover(personas.owner.request, spareCourse.id, picture);
  fx = {
    personas,
    course,
    spareCourse,
    picture,
    coverImageId,
    paidOrderId: paidOrderId!,
    storedEventId: eventId,
    roleTarget: (await createUser("buyer", "matrix-role-target")).id,
    disableTarget: (await createUser("buyer", "matrix-disable-target")).id,
    buyerSetupIntent,
    failedEmailId: createFailedEmail(),
    settingsBefore: { feePercent: String((settings?.feeBasisPoints ?? 1000) / 100), chargeType: settings?.chargeType ?? "destination" },
    content: { sectionId, lessonId, fileId },
    reviewId: createReviewRow(course.id, (await createUser("buyer", "matrix-reviewer")).id),
  };
});

test.afterAll(async () => {
  if (!fx) return;
  // Put the platform's settings back for the suites that run after this one.
  await callServerAction(fx.personas.admin.request, serverAction("updatePlatformSettingsAction"), fx.settingsBefore);
  // And the merchant on receipts back to the configuration's.
  const db = openDatabase();
  db.prepare(`DELETE FROM "MerchantDetails"`).run();
  db.close();
  for (const session of Object.values(fx.personas)) await session.request.dispose();
});

async function answerOf(row: Row, who: PersonaSession): Promise<Answered> {
  if (row.kind === "route") return row.call(fx, who);
  const action = builtServerActions().find((candidate) => candidate.file === row.file && candidate.exportName === row.exportName);
  if (!action) throw new Error(`${rowKey(row)} is not in the build`);
  const invoke = (request: APIRequestContext) => callServerAction(request, action, row.input(fx, who), row.args);
  return row.call ? row.call(fx, who, invoke) : invoke(who.request);
}

function expectRefusal(row: Row, refusal: Refusal, answer: Answered, label: string) {
  expect(answer.status, label).toBeLessThan(500);
  switch (refusal.refused) {
    case "login":
      if (row.kind === "action") expect(answer.result?.error, label).toBe(NOT_LOGGED_IN);
      else expect(answer.status === 401 || /\/login(\?|$)/.test(answer.redirect ?? ""), label).toBe(true);
      return;
    case "role":
      if (row.kind === "action") expect(answer.result?.error, label).toBe(NOT_ALLOWED);
      else expect(answer.status, label).toBe(403);
      return;
    case "message":
      expect(answer.result?.error, label).toBe(refusal.message);
      return;
    case "redirect":
      expect(answer.redirect ?? "", label).toMatch(refusal.to);
      return;
    case "status":
      expect(answer.status, label).toBe(refusal.status);
  }
}

// Refusals first, so they meet the fixtures before any allowed call changes them.
const ORDER: Persona[] = ["visitor", "buyer", "admin", "otherSeller", "owner"];

for (const row of ROWS) {
  test(`${rowKey(row)}: each persona is allowed or refused as the table says`, async () => {
    test.setTimeout(60_000);
    const personas = [...ORDER].sort((a, b) => Number("allowed" in row.access[a]) - Number("allowed" in row.access[b]));
    for (const persona of personas) {
      const access = row.access[persona];
      const who = fx.personas[persona];
      const label = `${rowKey(row)} as ${persona}`;
      if ("refused" in access) {
        await waitForOutbox();
        const before = databaseSnapshot();
        const answer = await answerOf(row, who);
        await waitForWebhooks();
        await waitForOutbox();
        expectRefusal(row, access, answer, label);
        expect(changedTables(before, databaseSnapshot()), `${label}: tables changed`).toEqual([]);
      } else {
        const before = access.changes?.(fx, who);
        const answer = await answerOf(row, who);
        await waitForWebhooks();
        expect(answer.status, label).toBeLessThan(400);
        if (row.kind === "action") expect([NOT_LOGGED_IN, NOT_ALLOWED], label).not.toContain(answer.result?.error);
        if (access.changes) expect(access.changes(fx, who), `${label}: the database shows the effect`).not.toEqual(before);
        access.answers?.(answer);
      }
    }
  });
}

test("a signed event is stored once on each endpoint", async () => {
  for (const endpoint of ["/api/stripe/webhook", "/api/stripe/connect-webhook"] as const) {
    const { eventId, payload, signature } = signedEvent(endpoint);
    const response = await fx.personas.visitor.request.post(endpoint, { data: payload, headers: { "content-type": "application/json", "stripe-signature": signature } });
    expect(response.status(), endpoint).toBe(200);
    expect(countRows(`SELECT count(*) n FROM "StripeEvent" WHERE id = ?`, eventId), endpoint).toBe(1);
  }
});
