import { z } from "zod";

export const ZMergeInsiders = z.object({
  sourceId: z.coerce.number().int().positive({ message: "Choose the record to merge in." }),
  targetId: z.coerce.number().int().positive(),
  author: z.string().trim().min(1, "Say who you are: the audit trail records it.").max(100),
  reason: z.string().trim().max(500).optional(),
});
export type TMergeInsiders = z.infer<typeof ZMergeInsiders>;

export const ZUnmergeInsider = z.object({
  recordId: z.coerce.number().int().positive({ message: "Choose the spelling to separate." }),
  author: z.string().trim().min(1, "Say who you are: the audit trail records it.").max(100),
  reason: z.string().trim().max(500).optional(),
});
