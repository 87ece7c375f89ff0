import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", app: "ok", database: { status: "ok", latencyMs } });
  } catch (error) {
    console.error("health check: database unreachable", error);
    return Response.json(
      { status: "degraded", app: "ok", database: { status: "unavailable" } },
      { status: 503 },
    );
  }
}
