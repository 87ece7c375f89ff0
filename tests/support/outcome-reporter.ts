// A Vitest reporter for `npm test`'s closing summary: writes the tests that failed and the tests
// that passed only on a retry to OUTCOME_REPORT_FILE, so the last lines of a CI log name them.
import { writeFileSync } from "node:fs";
import type { Reporter, TestCase } from "vitest/node";

type Outcome = { name: string; file: string; error?: string };

export default class OutcomeReporter implements Reporter {
  private failed: Outcome[] = [];
  private flaky: Outcome[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const outcome = { name: testCase.fullName, file: testCase.module.relativeModuleId };
    const result = testCase.result();
    if (result.state === "failed") {
      const first = result.errors?.[0];
      this.failed.push({ ...outcome, error: first?.message?.split("\n")[0] });
    } else if (result.state === "passed" && testCase.diagnostic()?.flaky) {
      this.flaky.push(outcome);
    }
  }

  onTestRunEnd(): void {
    const file = process.env.OUTCOME_REPORT_FILE;
    if (file) writeFileSync(file, JSON.stringify({ failed: this.failed, flaky: this.flaky }, null, 2));
  }
}
