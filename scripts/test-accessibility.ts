// `npm run test:a11y`: the axe sweep at full size (every page of every role on a desktop and on a
// phone; `npm test` runs it at phone width only), against a production build like `npm test`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";

buildIfNeeded();
const result = spawnSync(path.resolve("node_modules", ".bin", "playwright"), ["test", "tests/e2e/accessibility.spec.ts"], {
  stdio: "inherit",
  env: { ...process.env, A11Y_FULL: "1" },
});
process.exit(result.status ?? 1);
