import { z } from "zod";

export const ZAnalystName = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(60, "At most 60 characters."),
});

export type TAnalystName = z.infer<typeof ZAnalystName>;
