// A one-page PDF of plain text lines (Helvetica, ASCII only), enough to stand in for the PDFs
// Stripe links from invoices (invoice_pdf). Written by hand: the emulator carries no PDF library.

const escapePdf = (line: string) => line.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");

export function textPdf(title: string, lines: string[]): string {
  const content = ["BT", "/F1 18 Tf", "56 780 Td", `(${escapePdf(title)}) Tj`, "/F1 11 Tf", "0 -28 Td"]
    .concat(lines.flatMap((line) => [`(${escapePdf(line)}) Tj`, "0 -16 Td"]))
    .concat("ET")
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
