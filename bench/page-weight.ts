// First-load JavaScript per route, from the build output: the framework's root chunks plus every
// chunk the route's client-reference manifest lists for its segments, each gzipped, summed. An
// empty Next.js app (one page) built with the same next and react is measured the same way.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { nextCli } from "../scripts/build-if-needed";
import { TMP_DIR } from "./config";

export interface RouteWeight {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** gzip bytes beyond the empty app's page. */
  overEmptyGzipBytes: number;
}

export interface PageWeightReport {
  routes: RouteWeight[];
  emptyApp: Omit<RouteWeight, "overEmptyGzipBytes">;
}

const ROUTES: Array<{ route: string; manifest: string }> = [
  { route: "/courses", manifest: "server/app/(shop)/courses/page_client-reference-manifest.js" },
  { route: "/courses/[slug]", manifest: "server/app/(shop)/courses/[slug]/page_client-reference-manifest.js" },
  { route: "/checkout/[slug]", manifest: "server/app/checkout/[slug]/page_client-reference-manifest.js" },
];

interface ClientManifest {
  entryJSFiles: Record<string, string[]>;
}

function loadClientManifest(file: string): ClientManifest {
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; evaluate it in a sandbox object.
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  new Function("globalThis", readFileSync(file, "utf8"))(sandbox);
  const manifests = Object.values(sandbox.__RSC_MANIFEST ?? {});
  if (manifests.length !== 1) throw new Error(`${file} does not hold exactly one client manifest`);
  return manifests[0];
}

/** The JavaScript files a route's first load fetches, as paths under the build directory. */
export function firstLoadFiles(buildDir: string, manifestPath: string): string[] {
  const build = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifest = loadClientManifest(path.join(buildDir, manifestPath));
  return [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])].filter((file) => file.endsWith(".js"));
}

function weigh(buildDir: string, route: string, manifestPath: string): Omit<RouteWeight, "overEmptyGzipBytes"> {
  const files = firstLoadFiles(buildDir, manifestPath);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(buildDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { route, files: files.length, rawBytes, gzipBytes };
}

/** Builds (once per Next.js version) a one-page Next.js app under bench/.tmp with the repository's next and react. */
function buildEmptyApp(): string {
  const { version } = JSON.parse(readFileSync(path.resolve("node_modules", "next", "package.json"), "utf8")) as { version: string };
  const root = path.join(TMP_DIR, `empty-next-app-${version}`);
  const buildDir = path.join(root, ".next");
  if (existsSync(path.join(buildDir, "BUILD_ID"))) return buildDir;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "app"), { recursive: true });
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "empty-next-app", private: true, type: "module" }));
  writeFileSync(
    path.join(root, "next.config.mjs"),
    `export default { reactStrictMode: true, poweredByHeader: false, turbopack: { root: ${JSON.stringify(path.resolve("."))} } };\n`,
  );
  writeFileSync(
    path.join(root, "app", "layout.jsx"),
    `export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(path.join(root, "app", "page.jsx"), `export default function Page() {\n  return <p>Empty</p>;\n}\n`);
  const result = spawnSync(nextCli, ["build", root], { stdio: "pipe", encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`building the empty Next.js app failed:\n${result.stdout}\n${result.stderr}`);
  return buildDir;
}

export function benchPageWeight(): PageWeightReport {
  const emptyApp = weigh(buildEmptyApp(), "empty Next.js page", "server/app/page_client-reference-manifest.js");
  const routes = ROUTES.map(({ route, manifest }) => {
    const weight = weigh(path.resolve(".next"), route, manifest);
    return { ...weight, overEmptyGzipBytes: weight.gzipBytes - emptyApp.gzipBytes };
  });
  return { routes, emptyApp };
}
