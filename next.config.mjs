import { fileURLToPath } from "node:url";

// Several instances share Next's data cache through Redis (cache-handler.mjs); one instance keeps
// it in its own memory, as Next does by default. Read when the server starts, so one build serves both.
const sharedCache = process.env.REDIS_URL
  ? { cacheHandler: fileURLToPath(new URL("./cache-handler.mjs", import.meta.url)), cacheMaxMemorySize: 0 }
  : {};

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  ...sharedCache,
  // Native modules (and pdfkit, which reads its font metrics from its own folder; React Email, whose renderer is react-dom/server) load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "pdfkit", "pg", "@prisma/adapter-pg", "@react-email/components", "@react-email/render"],
  experimental: {
    // forbidden() and app/forbidden.tsx answer 403 for signed-in users without the role.
    authInterrupts: true,
    // Cached data (the catalogue) lives in memory only: on disk it would outlive the database it
    // was read from (a reseeded or swapped database, a test run on a fresh one).
    isrFlushToDisk: false,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
