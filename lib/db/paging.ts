export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export const MAX_PAGE_SIZE = 500;

/** Clamps a requested page into range, so a stale bookmark past the end shows the last page rather than nothing. */
export function pageOf({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const size = Math.min(Math.max(1, Math.floor(pageSize) || 1), MAX_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { page: p, pageSize: size, pageCount, skip: (p - 1) * size, take: size };
}
