import type { APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { openDatabase } from "./database";

/** A plain 16:9 picture large enough for a cover (and an avatar). */
export function coverPng(colour = "#4f46e5"): Promise<Buffer> {
  return sharp({ create: { width: 960, height: 540, channels: 3, background: colour } }).png().toBuffer();
}

/** A seller profile with this handle for a user made directly in the database. */
export function giveSellerHandle(userId: string, handle: string): void {
  const db = openDatabase();
  try {
    db.prepare(`INSERT INTO "SellerProfile" (userId, handle, bio, updatedAt) VALUES (?, ?, '', ?) ON CONFLICT(userId) DO UPDATE SET handle = excluded.handle`).run(userId, handle, new Date().toISOString());
  } finally {
    db.close();
  }
}

/** Uploads a cover through the route, as the seller's page does; returns the new image ID. */
export async function uploadCover(request: APIRequestContext, courseId: string, bytes: Buffer): Promise<string> {
  const response = await request.post(`/api/courses/${courseId}/cover`, { data: bytes, headers: { "content-type": "application/octet-stream" } });
  if (response.status() !== 201) throw new Error(`cover upload answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { imageId: string }).imageId;
}
