import { rmSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { startMailCatcher, type RunningMailCatcher } from "../../scripts/mail-catcher/start-mail-catcher";

let catcher: RunningMailCatcher | undefined;
afterEach(async () => {
  await catcher?.close();
  catcher = undefined;
});

async function send(smtpUrl: string, to: string, subject: string, text = "Hello") {
  const transport = nodemailer.createTransport({ url: smtpUrl });
  try {
    await transport.sendMail({ from: "shop@test.example", to, subject, text });
  } finally {
    transport.close();
  }
}

describe("the mail catcher", () => {
  it("keeps what it receives and serves it as JSON and as escaped pages", async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    await send(catcher.smtpUrl, "a@test.example", "First <b>one</b>", "Tom & Jerry\n  <script>x</script>");
    await send(catcher.smtpUrl, "b@test.example", "Second");

    const all = await (await fetch(`${catcher.httpUrl}/api/messages`)).json();
    expect(all.data.map((m: { subject: string }) => m.subject)).toEqual(["Second", "First <b>one</b>"]);
    const onlyA = await (await fetch(`${catcher.httpUrl}/api/messages?to=A@test.example`)).json();
    expect(onlyA.data).toHaveLength(1);
    expect(onlyA.data[0]).toMatchObject({ from: "shop@test.example", to: ["a@test.example"], text: "Tom & Jerry\n  <script>x</script>\n" });

    const list = await fetch(`${catcher.httpUrl}/`);
    expect(list.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const listHtml = await list.text();
    expect(listHtml).toContain("First &lt;b&gt;one&lt;/b&gt;");
    const page = await (await fetch(`${catcher.httpUrl}/messages/${onlyA.data[0].id}`)).text();
    expect(page).toContain("Tom &amp; Jerry\n  &lt;script&gt;x&lt;/script&gt;");
    expect(page).not.toContain("<script>");
    expect((await fetch(`${catcher.httpUrl}/messages/999`)).status).toBe(404);
    expect((await fetch(`${catcher.httpUrl}/api/messages/999`)).status).toBe(404);

    expect((await fetch(`${catcher.httpUrl}/api/messages`, { method: "DELETE" })).status).toBe(200);
    expect((await (await fetch(`${catcher.httpUrl}/api/messages`)).json()).data).toEqual([]);
  });

  it("answers 421 to every connection during a simulated outage, switched over HTTP", async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const outage = (body: unknown) => fetch(`${catcher!.httpUrl}/api/outage`, { method: "POST", body: JSON.stringify(body) });
    expect((await outage({ active: "yes" })).status).toBe(400);
    expect(await (await outage({ active: true })).json()).toEqual({ active: true });
    expect(await (await fetch(`${catcher.httpUrl}/`)).text()).toContain("Simulating an outage");
    await expect(send(catcher.smtpUrl, "a@test.example", "Lost?")).rejects.toMatchObject({ responseCode: 421 });
    expect(catcher.messages()).toEqual([]);

    await outage({ active: false });
    await send(catcher.smtpUrl, "a@test.example", "Delivered");
    expect(catcher.messages().map((m) => m.subject)).toEqual(["Delivered"]);
  });

  it("with a state file, mail survives a restart and numbering carries on", async () => {
    const stateFile = path.resolve("tests/.tmp", `mail-catcher-${process.pid}-${Date.now()}.json`);
    try {
      catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, stateFile });
      await send(catcher.smtpUrl, "a@test.example", "Before restart");
      await catcher.close();
      catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, stateFile });
      await send(catcher.smtpUrl, "a@test.example", "After restart");
      expect(catcher.messages().map((m) => [m.id, m.subject])).toEqual([
        ["2", "After restart"],
        ["1", "Before restart"],
      ]);
    } finally {
      rmSync(stateFile, { force: true });
    }
  });
});
