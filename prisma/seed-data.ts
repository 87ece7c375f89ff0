export const DEMO_PASSWORD = "demo1234";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "seller@example.com", name: "Sam Seller", role: "seller" },
  { email: "buyer@example.com", name: "Bea Buyer", role: "buyer" },
] as const;

export const DEMO_COURSES = [
  {
    slug: "stripe-payments-from-scratch",
    title: "Stripe Payments from Scratch",
    description:
      "Take a card payment the right way: PaymentIntents, Elements, 3-D Secure and webhooks.\n\nYou will build a checkout that never charges twice and always delivers what was paid for.",
    priceMinor: 4900,
    currency: "usd",
    includedInMembership: true,
  },
  {
    slug: "typescript-for-backend-developers",
    title: "TypeScript for Backend Developers",
    description: "Types that catch real bugs: strict mode, discriminated unions, zod at the edges of your system.",
    priceMinor: 1999,
    currency: "usd",
    includedInMembership: true,
  },
  {
    slug: "sql-you-will-actually-use",
    title: "SQL You Will Actually Use",
    description: "Joins, indexes and query plans explained with one small shop database you build as you go.",
    priceMinor: 2900,
    currency: "usd",
    includedInMembership: false,
  },
  {
    slug: "react-server-components-in-practice",
    title: "React Server Components in Practice",
    description: "Data on the server, interaction on the client: when to use each, and how to keep bundles small.",
    priceMinor: 3900,
    currency: "usd",
    includedInMembership: true,
  },
  {
    slug: "testing-web-apps-with-playwright",
    title: "Testing Web Apps with Playwright",
    description: "End-to-end tests that are fast and do not flake: fixtures, traces and a real browser.",
    priceMinor: 2499,
    currency: "usd",
    includedInMembership: false,
  },
  {
    slug: "accessible-forms",
    title: "Accessible Forms",
    description: "Labels, errors and focus done right, so every buyer can finish your checkout.",
    priceMinor: 1500,
    currency: "eur",
    includedInMembership: true,
  },
  {
    slug: "pricing-your-online-course",
    title: "Pricing Your Online Course",
    description: "How independent teachers choose a price, a membership and a refund policy.",
    priceMinor: 1900,
    currency: "gbp",
    includedInMembership: false,
  },
  {
    slug: "japanese-for-developers",
    title: "Japanese for Developers",
    description: "Read error messages, documentation and tech talks in Japanese within twelve weeks.",
    priceMinor: 4500,
    currency: "jpy",
    includedInMembership: false,
  },
] as const;

const TOPICS = [
  "Python", "Rust", "Go", "Kubernetes", "PostgreSQL", "Design Systems", "Data Visualisation", "Machine Learning",
  "Product Management", "Copywriting", "Photography", "Watercolour", "Guitar", "Public Speaking", "Negotiation",
  "Accounting", "Statistics", "Linux", "Networking", "Security", "Excel", "Figma", "Swift", "Kotlin",
];
const LEVELS = ["Introduction to", "Practical", "Advanced", "Mastering", "A Weekend of", "Hands-on", "The Craft of"];

/** A generated course's tags: its topic, and every third one "beginner". */
export function generatedCourseTags(index: number): string[] {
  const topic = TOPICS[index % TOPICS.length].toLowerCase().replace(/\s+/g, "-");
  return index % 3 === 0 ? [topic, "beginner"] : [topic];
}

/** Tags of the demo courses, by slug. */
export const DEMO_COURSE_TAGS: Record<string, string[]> = {
  "stripe-payments-from-scratch": ["payments", "stripe", "web"],
  "typescript-for-backend-developers": ["typescript", "backend"],
  "sql-you-will-actually-use": ["sql", "databases"],
  "react-server-components-in-practice": ["react", "web"],
};

/** A deterministic generated course, for load tests of the catalogue. */
export function generatedCourse(index: number) {
  const topic = TOPICS[index % TOPICS.length];
  const level = LEVELS[Math.floor(index / TOPICS.length) % LEVELS.length];
  const title = `${level} ${topic} ${index + 1}`;
  return {
    slug: `generated-${index + 1}`,
    title,
    description: `${title}: a generated course for trying the catalogue at scale. Lessons, exercises and a final project.`,
    priceMinor: 900 + (index % 40) * 250,
    currency: "usd",
    includedInMembership: index % 4 === 0,
  };
}
