/**
 * A key that is the same for OCR and typing variants of one name:
 * "Janzen Howard E." and "JANZEN  HOWARD E" both give "janzen howard e".
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
