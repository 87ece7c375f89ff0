import { Body, Button, Column, Container, Head, Heading, Hr, Html, Link, Preview, Row, Section, Text, render } from "@react-email/components";
import type { Merchant } from "@/lib/env";
import { SIGNATURE } from "./email-message";

// Every email is written once, as plain text (frozen in the outbox when the event happens), and
// shown in this one layout as HTML at delivery: paragraphs, "  Label: value" detail lines as a
// table, a link on a line of its own as a button. The text stays the plain-text alternative.

type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "details"; rows: Array<[string, string]> }
  | { kind: "button"; url: string; label: string }
  | { kind: "signature" };

const URL_LINE = /^https?:\/\/\S+$/;
const DETAIL_LINE = /^ {2}([^:]+):\s+(.*)$/;
/** "Open the course: https://…" on a line of its own: a button named by the words before the link. */
const LABELLED_LINK = /^([^:]{1,60}):\s+(https?:\/\/\S+)$/;

export function textBlocks(text: string): Block[] {
  const chunks = text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/^\n+|\s+$/g, ""))
    .filter((chunk) => chunk.trim() !== "");
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    const lines = chunk.split("\n");
    if (chunk.trim() === SIGNATURE) blocks.push({ kind: "signature" });
    else if (lines.every((line) => DETAIL_LINE.test(line))) {
      blocks.push({ kind: "details", rows: lines.map((line) => { const [, label, value] = DETAIL_LINE.exec(line)!; return [label.trim(), value.trim()]; }) });
    } else if (lines.length === 1 && LABELLED_LINK.test(lines[0].trim())) {
      const [, label, url] = LABELLED_LINK.exec(lines[0].trim())!;
      blocks.push({ kind: "button", url, label });
    } else if (lines.length === 1 && URL_LINE.test(lines[0].trim())) {
      // The paragraph before a lone link says what it is for ("…choose a new password:").
      blocks.push({ kind: "button", url: lines[0].trim(), label: buttonLabel(blocks.at(-1)) });
    } else {
      const last = lines.length > 1 ? lines.at(-1)!.trim() : "";
      if (URL_LINE.test(last)) {
        blocks.push({ kind: "paragraph", lines: lines.slice(0, -1) });
        blocks.push({ kind: "button", url: last, label: buttonLabel(blocks.at(-1)) });
      } else blocks.push({ kind: "paragraph", lines });
    }
  }
  return blocks;
}

function buttonLabel(previous: Block | undefined): string {
  const sentence = previous?.kind === "paragraph" ? previous.lines.join(" ") : "";
  if (/password/i.test(sentence)) return "Choose a new password";
  if (/confirm|verify/i.test(sentence)) return "Confirm this email address";
  if (/log in/i.test(sentence)) return "Log in";
  return "Open";
}

const colors = { ink: "#0f172a", muted: "#475569", brand: "#4338ca", line: "#e2e8f0", page: "#f1f5f9" };
const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

function Paragraph({ lines }: { lines: string[] }) {
  // Wrapped lines of the text version join into one paragraph; a URL inside stays a link.
  const words = lines.join(" ").split(/(https?:\/\/\S+)/);
  return (
    <Text style={{ fontSize: "16px", lineHeight: "24px", color: colors.ink, margin: "0 0 16px" }}>
      {words.map((part, index) => (URL_LINE.test(part) ? <Link key={index} href={part} style={{ color: colors.brand, textDecoration: "underline", wordBreak: "break-all" }}>{part}</Link> : part))}
    </Text>
  );
}

function Details({ rows }: { rows: Array<[string, string]> }) {
  return (
    <Section style={{ border: `1px solid ${colors.line}`, borderRadius: "8px", padding: "8px 16px", margin: "0 0 16px" }}>
      {rows.map(([label, value]) => (
        <Row key={label}>
          <Column style={{ fontSize: "14px", color: colors.muted, padding: "4px 12px 4px 0", verticalAlign: "top", width: "40%" }}>{label}</Column>
          <Column style={{ fontSize: "14px", color: colors.ink, padding: "4px 0", verticalAlign: "top", wordBreak: "break-word" }}>{value}</Column>
        </Row>
      ))}
    </Section>
  );
}

export interface EmailFrame {
  subject: string;
  text: string;
  merchant: Merchant;
  appUrl: string;
}

function EmailDocument({ subject, text, merchant, appUrl }: EmailFrame) {
  const blocks = textBlocks(text);
  const preview = blocks.find((block, index) => index > 0 && block.kind === "paragraph");
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </Head>
      {preview?.kind === "paragraph" && <Preview>{preview.lines.join(" ").slice(0, 140)}</Preview>}
      <Body style={{ backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "16px 8px" }}>
        <Container style={{ maxWidth: "600px", width: "100%", backgroundColor: "#ffffff", borderRadius: "8px", overflow: "hidden" }}>
          <Section style={{ backgroundColor: colors.brand, padding: "16px 24px" }}>
            <Link href={appUrl} style={{ color: "#ffffff", fontSize: "20px", fontWeight: 700, textDecoration: "none" }}>
              {merchant.name}
            </Link>
          </Section>
          <Section style={{ padding: "24px" }}>
            <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", color: colors.ink, margin: "0 0 16px" }}>
              {subject}
            </Heading>
            {blocks.map((block, index) => {
              switch (block.kind) {
                case "paragraph":
                  return <Paragraph key={index} lines={block.lines} />;
                case "details":
                  return <Details key={index} rows={block.rows} />;
                case "button":
                  return (
                    <Section key={index} style={{ margin: "0 0 16px" }}>
                      <Button href={block.url} style={{ backgroundColor: colors.brand, color: "#ffffff", borderRadius: "6px", padding: "12px 20px", fontSize: "16px", fontWeight: 600 }}>
                        {block.label}
                      </Button>
                      <Text style={{ fontSize: "13px", lineHeight: "20px", color: colors.muted, margin: "8px 0 0", wordBreak: "break-all" }}>
                        Or open this address: <Link href={block.url} style={{ color: colors.brand }}>{block.url}</Link>
                      </Text>
                    </Section>
                  );
                case "signature":
                  return <Text key={index} style={{ fontSize: "16px", color: colors.ink, margin: "0" }}>{`— ${merchant.name}`}</Text>;
              }
            })}
          </Section>
          <Hr style={{ borderColor: colors.line, margin: 0 }} />
          <Section style={{ padding: "16px 24px" }}>
            {footerLines(merchant, appUrl).map((line, index) => (
              <Text key={index} style={{ fontSize: "12px", lineHeight: "18px", color: colors.muted, margin: 0 }}>
                {line === appUrl ? <Link href={appUrl} style={{ color: colors.muted, textDecoration: "underline" }}>{appUrl}</Link> : line}
              </Text>
            ))}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** The platform's details under every email, in both versions. */
export function footerLines(merchant: Merchant, appUrl: string): string[] {
  return [merchant.name, ...merchant.addressLines, appUrl, `You receive this email because of your account at ${merchant.name}.`];
}

export interface RenderedEmail {
  html: string;
  text: string;
}

/** The HTML version and the plain-text alternative (the text as written, with the footer). */
export async function renderEmail(frame: EmailFrame): Promise<RenderedEmail> {
  const signed = frame.text.replace(SIGNATURE, `— ${frame.merchant.name}`);
  const text = `${signed}\n\n-- \n${footerLines(frame.merchant, frame.appUrl).join("\n")}\n`;
  return { html: await render(<EmailDocument {...frame} />), text };
}
