// The local mail catcher: an SMTP server that keeps every message it receives and a web page to
// read them. `npm start` runs it when SMTP_URL is not set; alone: `npm run mail:catcher`.
import { startMailCatcher } from "./mail-catcher/start-mail-catcher";

const catcher = await startMailCatcher({
  smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025),
  httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT || 1080),
  host: process.env.MAIL_CATCHER_HOST || "127.0.0.1",
  stateFile: process.env.MAIL_CATCHER_STATE_FILE || undefined,
});
console.log(`Mail catcher: SMTP on ${catcher.smtpUrl}, read the mail at ${catcher.httpUrl}/`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void catcher.close().finally(() => process.exit(0));
  });
}
