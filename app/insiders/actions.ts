"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { mergeInsiders, unmergeInsider, MergeError } from "@/lib/db/merge";
import { ZMergeInsiders, ZUnmergeInsider } from "@/lib/validation/merge";

export interface MergeState {
  message: string | null;
  errors?: Partial<Record<"sourceId" | "recordId" | "author" | "reason", string[]>>;
}

export async function mergeInsidersAction(_prev: MergeState, formData: FormData): Promise<MergeState> {
  const parsed = ZMergeInsiders.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { message: "The merge was not made.", errors: parsed.error.flatten().fieldErrors };
  }
  try {
    await mergeInsiders(parsed.data);
  } catch (err) {
    if (err instanceof MergeError) return { message: err.message };
    console.error("merging insiders failed", err);
    return { message: "The merge failed because of an internal error (logged on the server)." };
  }
  revalidatePath("/insiders");
  revalidatePath(`/insiders/${parsed.data.targetId}`);
  redirect(`/insiders/${parsed.data.targetId}?merged=${parsed.data.sourceId}`);
}

export async function unmergeInsiderAction(_prev: MergeState, formData: FormData): Promise<MergeState> {
  const parsed = ZUnmergeInsider.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { message: "Nothing was separated.", errors: parsed.error.flatten().fieldErrors };
  }
  let personId: number;
  try {
    ({ personId } = await unmergeInsider(parsed.data));
  } catch (err) {
    if (err instanceof MergeError) return { message: err.message };
    console.error("separating insiders failed", err);
    return { message: "Separating failed because of an internal error (logged on the server)." };
  }
  revalidatePath("/insiders");
  revalidatePath(`/insiders/${personId}`);
  redirect(`/insiders/${personId}?unmerged=${parsed.data.recordId}`);
}
