// `npm run test:bad-input`: the bad-input suite at full size (1,000 generated inputs per action
// and route; BAD_INPUT_RUNS overrides), against a production build like `npm test`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";

buildIfNeeded();
const result = spawnSync(path.resolve("node_modules", ".bin", "playwright"), ["test", "tests/e2e/bad-input.spec.ts"], {
  stdio: "inherit",
  env: { ...process.env, BAD_INPUT_RUNS: process.env.BAD_INPUT_RUNS ?? "1000" },
});
process.exit(result.status ?? 1);
