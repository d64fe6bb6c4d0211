import "server-only";
import { cookies } from "next/headers";

/** Who is reviewing: a display name the analyst gives once, recorded as the author of every change. */
export const ANALYST_COOKIE = "analyst";

export async function currentAnalyst(): Promise<string | null> {
  const value = (await cookies()).get(ANALYST_COOKIE)?.value?.trim();
  return value ? value : null;
}

export async function rememberAnalyst(name: string): Promise<void> {
  (await cookies()).set(ANALYST_COOKIE, name, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
}
