/** Class lists shared by the browse pages, so tables and controls look alike everywhere. */
export const table = "w-full border-collapse bg-white text-sm";
export const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
export const thNum = "px-3 py-2 text-right text-xs font-medium uppercase tracking-wide text-slate-500";
export const td = "px-3 py-2 align-top";
export const tdNum = "num px-3 py-2 text-right align-top";
export const row = "border-b border-slate-100 hover:bg-slate-50";
export const headRow = "border-b border-slate-200";
export const link = "text-blue-700 underline hover:text-blue-900";
export const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
export const button = "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800";
export const secondaryButton = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
export const card = "rounded-md border border-slate-200 bg-white p-4";
