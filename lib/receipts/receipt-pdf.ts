import PDFDocument from "pdfkit";
import type { Receipt } from "./receipt";

const MARGIN = 56;

/**
 * The receipt as an A4 PDF, drawn with pdfkit's built-in Helvetica (no font files to ship; it
 * covers Western European text, so other scripts print as they can).
 */
export function renderReceiptPdf(receipt: Receipt): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `Receipt ${receipt.orderId}`, Author: receipt.merchant.name } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(18).text(receipt.merchant.name);
  doc.font("Helvetica").fontSize(10).fillColor("#475569");
  for (const line of receipt.merchant.addressLines) doc.text(line);
  doc.moveDown(1.5).fillColor("#0f172a").font("Helvetica-Bold").fontSize(16).text("Receipt");
  doc.moveDown(0.75);

  const labelWidth = 110;
  const valueX = MARGIN + labelWidth;
  const valueWidth = doc.page.width - valueX - MARGIN;
  for (const [label, value] of receipt.rows) {
    const y = doc.y;
    doc.font("Helvetica").fontSize(10).fillColor("#64748b").text(label, MARGIN, y, { width: labelWidth - 10 });
    doc.font(label === "Amount" ? "Helvetica-Bold" : "Helvetica").fillColor("#0f172a").text(value, valueX, y, { width: valueWidth });
    doc.moveDown(0.5);
  }

  doc.moveDown(2).font("Helvetica").fontSize(9).fillColor("#64748b").text(`Paid to ${receipt.merchant.name} through Stripe. Keep this receipt for your records.`, MARGIN);
  doc.end();
  return done;
}
