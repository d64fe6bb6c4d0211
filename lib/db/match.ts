import "server-only";
import { Prisma } from "../generated/prisma/client";
import { nameKey } from "../names";

/** Above this many matching rows, list queries walk an index in order instead of sorting every match. */
export const WALK_ABOVE = 2000;

/** A LIKE pattern for text anywhere in a value, its wildcards escaped (use with ESCAPE '\'). */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Ids of the issuers whose name contains the text or whose ticker it is. */
export const issuersMatching = (text: string) =>
  Prisma.sql`SELECT id FROM Issuer WHERE name LIKE ${containing(text)} ESCAPE '\\' OR ticker = ${text.toUpperCase()}`;

/** Ids of the owner records of every person with a spelling that contains the name: merged spellings count as their person. */
export const ownersMatching = (name: string) => {
  const pattern = containing(nameKey(name));
  return Prisma.sql`SELECT id FROM ReportingOwner WHERE nameKey LIKE ${pattern} ESCAPE '\\'
    OR mergedIntoId IN (SELECT id FROM ReportingOwner WHERE nameKey LIKE ${pattern} ESCAPE '\\')`;
};
