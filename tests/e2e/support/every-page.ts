// Every page of the app, as each kind of user sees it: the phone-layout and accessibility sweeps
// walk this list. The list of routes is read from app/, so a page added without a row here fails.
import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createAccountToken, createUnverifiedUser, createUser, readRow } from "./database";
import { buyCourse } from "./http-journeys";
import { createCourse, orderOf } from "./payments";
import { BASE_URL, logInOverHttp } from "./personas";
import { DEMO } from "./session";

export const ROLES = ["visitor", "buyer", "seller", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface PageFixtures {
  /** Bought by the buyer: library page, receipt, admin order page. */
  ownedCourse: { id: string; slug: string };
  /** Nobody owns it: the checkout page. */
  freshCourse: { id: string; slug: string };
  orderId: string;
  eventId: string;
  /** One of the demo seller's courses, for the edit and curriculum pages, and one of its lessons. */
  sellerCourseId: string;
  sellerLessonId: string;
  /** A free preview lesson of a published course, open to everyone. */
  previewLesson: { slug: string; id: string };
  /** The demo seller's public page. */
  sellerHandle: string;
  credentials: Record<Exclude<Role, "visitor">, { email: string; password: string }>;
  /** Unused links of a user nobody signs in as: the reset and confirmation pages show their forms. */
  links: { reset: string; verify: string };
}

/** The URL to visit for each route of app/ (route groups dropped, dynamic segments filled in). */
export const PAGE_URLS: Record<string, (fx: PageFixtures) => string> = {
  "/": () => "/",
  "/login": () => "/login",
  "/register": () => "/register",
  "/forgot-password": () => "/forgot-password",
  "/reset-password": (fx) => `/reset-password?token=${fx.links.reset}`,
  "/verify-email": (fx) => `/verify-email?token=${fx.links.verify}`,
  "/courses": () => "/courses",
  "/courses/[slug]": (fx) => `/courses/${fx.freshCourse.slug}`,
  "/courses/[slug]/lessons/[lessonId]": (fx) => `/courses/${fx.previewLesson.slug}/lessons/${fx.previewLesson.id}`,
  "/checkout/[slug]": (fx) => `/checkout/${fx.freshCourse.slug}`,
  "/checkout/complete/[orderId]": (fx) => `/checkout/complete/${fx.orderId}`,
  "/library": () => "/library",
  "/library/[slug]": (fx) => `/library/${fx.ownedCourse.slug}`,
  "/membership": () => "/membership",
  "/account": () => "/account",
  "/account/orders": () => "/account/orders",
  "/account/orders/[orderId]": (fx) => `/account/orders/${fx.orderId}`,
  "/seller": () => "/seller",
  "/seller/sales": () => "/seller/sales",
  "/seller/profile": () => "/seller/profile",
  "/sellers/[handle]": (fx) => `/sellers/${fx.sellerHandle}`,
  "/seller/courses/new": () => "/seller/courses/new",
  "/seller/courses/[id]/edit": (fx) => `/seller/courses/${fx.sellerCourseId}/edit`,
  "/seller/courses/[id]/content": (fx) => `/seller/courses/${fx.sellerCourseId}/content`,
  "/seller/courses/[id]/content/lessons/[lessonId]": (fx) => `/seller/courses/${fx.sellerCourseId}/content/lessons/${fx.sellerLessonId}`,
  "/admin": () => "/admin",
  "/admin/users": () => "/admin/users",
  "/admin/orders": () => "/admin/orders",
  "/admin/orders/[orderId]": (fx) => `/admin/orders/${fx.orderId}`,
  "/admin/events": () => "/admin/events",
  "/admin/events/[eventId]": (fx) => `/admin/events/${fx.eventId}`,
  "/admin/emails": () => "/admin/emails",
  "/admin/audit": () => "/admin/audit",
  "/admin/settings": () => "/admin/settings",
  "/admin/fees": () => "/admin/fees",
};

function pageFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

/** Every page route under app/, e.g. "/admin/orders/[orderId]". */
export function declaredPageRoutes(): string[] {
  return pageFiles("app")
    .map((file) => {
      const segments = path.dirname(file).split(path.sep).slice(1).filter((segment) => !/^\(.*\)$/.test(segment));
      return `/${segments.join("/")}`;
    })
    .sort();
}

/** A buyer who bought one course, an order and an event to look at, and users of each role. */
export async function preparePageFixtures(): Promise<PageFixtures> {
  const seller = readRow<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, DEMO.seller.email)!;
  const sellerCourse = readRow<{ id: string }>(`SELECT id FROM "Course" WHERE sellerId = ? ORDER BY createdAt LIMIT 1`, seller.id)!;
  const sellerLesson = readRow<{ id: string }>(`SELECT id FROM "Lesson" WHERE courseId = ? ORDER BY position LIMIT 1`, sellerCourse.id)!;
  const previewLesson = readRow<{ slug: string; id: string }>(
    `SELECT c.slug AS slug, l.id AS id FROM "Lesson" l JOIN "Course" c ON c.id = l.courseId
     WHERE l.preview = 1 AND l.published = 1 AND c.published = 1 ORDER BY c.slug LIMIT 1`,
  )!;
  const ownedCourse = createCourse(seller.id, { title: "A course on every page" });
  const freshCourse = createCourse(seller.id, { title: "A course nobody owns" });
  const buyer = await createUser("buyer", "every-page-buyer");
  const admin = await createUser("admin", "every-page-admin");
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await logInOverHttp(request, buyer);
  await buyCourse({ persona: "buyer", id: buyer.id, email: buyer.email, request }, ownedCourse);
  await request.dispose();
  const order = orderOf(buyer.id, ownedCourse.id)!;
  const event = readRow<{ id: string }>(`SELECT id FROM "StripeEvent" ORDER BY receivedAt DESC LIMIT 1`)!;
  const linkHolder = await createUnverifiedUser("buyer", "every-page-links");
  return {
    ownedCourse,
    freshCourse,
    orderId: order.id,
    eventId: event.id,
    sellerCourseId: sellerCourse.id,
    sellerLessonId: sellerLesson.id,
    previewLesson,
    sellerHandle: readRow<{ handle: string }>(`SELECT handle FROM "SellerProfile" WHERE userId = ?`, seller.id)!.handle,
    credentials: { buyer, seller: DEMO.seller, admin },
    links: {
      reset: createAccountToken(linkHolder.id, "password_reset", linkHolder.email),
      verify: createAccountToken(linkHolder.id, "email_verification", linkHolder.email),
    },
  };
}

/** A page in a new browser context, signed in as the role (over HTTP, as the login form does). */
export async function pageAs(browser: Browser, role: Role, fx: PageFixtures, options: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: options.width, height: options.height } });
  if (role !== "visitor") {
    const response = await logInOverHttp(context.request, fx.credentials[role]);
    if (!response.ok()) throw new Error(`could not log in as ${role}`);
  }
  return context.newPage();
}
