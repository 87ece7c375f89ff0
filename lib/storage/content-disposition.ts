/** A file name safe to show and to put in a header: no path, no control characters, not empty. */
export function safeFilename(name: string, fallback = "download"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 150);
  return cleaned || fallback;
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so every browser saves the right name. */
export function contentDisposition(disposition: "inline" | "attachment", filename: string): string {
  const name = safeFilename(filename);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/[\\%]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
