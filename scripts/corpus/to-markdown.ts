// Two independent ways an EDGAR page becomes markdown, so the readers are not scored on one
// converter's habits: a maintained library (node-html-markdown), and the grid that document-OCR
// tools print, where each outer table row is one markdown row and everything inside a cell
// (nested tables and their cells, line breaks) is joined with <br>, as in the seeds.
import { NodeHtmlMarkdown } from "node-html-markdown";
import { parse, type HTMLElement, type Node as HNode, NodeType } from "node-html-parser";

export function libraryMarkdown(html: string): string {
  return NodeHtmlMarkdown.translate(html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/<!DOCTYPE[^>]*>/i, ""));
}

const BLOCK = new Set(["table", "tr", "p", "div", "br", "hr", "h1", "h2", "h3", "li", "thead", "tbody"]);

/** The lines a cell shows: text runs broken at block elements and at each nested row. */
function cellLines(node: HNode): string[] {
  const lines: string[] = [];
  let cur = "";
  const flush = () => {
    const t = cur.replace(/\s+/g, " ").trim();
    if (t) lines.push(t);
    cur = "";
  };
  const walk = (n: HNode) => {
    if (n.nodeType === NodeType.TEXT_NODE) {
      cur += n.text;
      return;
    }
    if (n.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = n as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? "";
    if (tag === "style" || tag === "script") return;
    // Each cell of a nested table is its own line, as document-OCR tools print "(Last)<br>(First)<br>(Middle)".
    const breaks = BLOCK.has(tag) || tag === "td" || tag === "th";
    if (breaks) flush();
    for (const c of el.childNodes) walk(c);
    if (breaks) flush();
  };
  walk(node);
  flush();
  return lines;
}

function outerTables(root: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  const walk = (el: HTMLElement) => {
    for (const c of el.childNodes) {
      if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
      const e = c as HTMLElement;
      if (e.tagName?.toLowerCase() === "table") out.push(e);
      else walk(e);
    }
  };
  walk(root);
  return out;
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const walk = (el: HTMLElement) => {
    for (const c of el.childNodes) {
      if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
      const e = c as HTMLElement;
      const tag = e.tagName?.toLowerCase();
      if (tag === "tr") rows.push(e);
      else if (tag === "thead" || tag === "tbody" || tag === "tfoot") walk(e);
    }
  };
  walk(table);
  return rows;
}

const cellText = (el: HTMLElement) => cellLines(el).join("<br>").replace(/\|/g, "\\|");

/** Text outside any table (the page's title lines) stays as paragraphs between the grids. */
export function gridMarkdown(html: string): string {
  const root = parse(html.replace(/<style[\s\S]*?<\/style>/gi, "").replace(/<!DOCTYPE[^>]*>/i, ""));
  const body = root.querySelector("body") ?? root;
  const parts: string[] = [];
  const walk = (el: HTMLElement) => {
    let loose = "";
    const flushLoose = () => {
      const t = loose.replace(/\s+/g, " ").trim();
      if (t) parts.push(t);
      loose = "";
    };
    for (const c of el.childNodes) {
      if (c.nodeType === NodeType.TEXT_NODE) {
        loose += c.text;
        continue;
      }
      if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
      const e = c as HTMLElement;
      if (e.tagName?.toLowerCase() !== "table") {
        if (outerTables(e).length) {
          flushLoose();
          walk(e);
        } else loose += ` ${cellLines(e).join(" ")} `;
        continue;
      }
      flushLoose();
      const rows = rowsOf(e).map((r) =>
        r.childNodes
          .filter((c) => c.nodeType === NodeType.ELEMENT_NODE && ["td", "th"].includes((c as HTMLElement).tagName.toLowerCase()))
          .map((c) => cellText(c as HTMLElement)),
      );
      const nonEmpty = rows.filter((r) => r.some((c) => c));
      if (!nonEmpty.length) continue;
      const width = Math.max(...nonEmpty.map((r) => r.length));
      const line = (r: string[]) => `| ${[...r, ...Array(width - r.length).fill("")].join(" | ")} |`;
      parts.push([line(nonEmpty[0]), `|${Array(width).fill("--").join("|")}|`, ...nonEmpty.slice(1).map(line)].join("\n"));
    }
    flushLoose();
  };
  walk(body);
  return parts.join("\n\n") + "\n";
}
