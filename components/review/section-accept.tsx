import { acceptSectionAction } from "@/app/filings/[id]/actions";
import { ActionButton } from "./action-buttons";

/** Accepts every field of a section still waiting for review, after the analyst has looked them over; each is its own history entry. */
export function SectionAccept({ filingId, section, pointers }: { filingId: number; section: string; pointers: string[] }) {
  if (pointers.length === 0) return null;
  const n = `${pointers.length} uncertain field${pointers.length === 1 ? "" : "s"}`;
  return (
    <ActionButton
      action={acceptSectionAction}
      fields={{ filingId, pointers: JSON.stringify(pointers) }}
      label={`Accept all uncertain fields of ${section}`}
      tone="accept"
      confirm={`Accept the ${n} of ${section} as read? Each is recorded in the history and can be reverted.`}
    >
      Accept all {pointers.length} of this section
    </ActionButton>
  );
}
