// Paging over a room listing. The local source always knows the total; the remote API
// may not, in which case a full page means "there may be more".

/** Rooms per page in the list. */
export { DEFAULT_PAGE_SIZE as PAGE_SIZE } from "../../app/routes";

export interface PageInfo {
  /** 1-based index of the first room on this page (0 when the page is empty). */
  from: number;
  /** 1-based index of the last room on this page. */
  to: number;
  hasPrev: boolean;
  hasNext: boolean;
  /** Number of pages, when the total is known. */
  pageCount: number | null;
}

export function pageInfo(page: number, limit: number, total: number | null, countOnPage: number): PageInfo {
  const from = countOnPage === 0 ? 0 : (page - 1) * limit + 1;
  const to = countOnPage === 0 ? 0 : from + countOnPage - 1;
  const pageCount = total === null ? null : Math.max(1, Math.ceil(total / limit));
  const hasNext = total === null ? countOnPage === limit : page * limit < total;
  return { from, to, hasPrev: page > 1, hasNext, pageCount };
}

/** "1–25 of 500", "26–50", or "No rooms". */
export function describePage(info: PageInfo, total: number | null): string {
  if (info.to === 0) return "No rooms";
  const range = `${info.from}–${info.to}`;
  return total === null ? range : `${range} of ${total.toLocaleString("en")}`;
}

/** Page number after a step, never below 1 nor past the last known page. */
export function clampPage(page: number, pageCount: number | null): number {
  const upper = pageCount ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.max(1, Math.trunc(page)), upper);
}
