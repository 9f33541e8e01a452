// The 公文 outline (engine/outline.ts) as LSP document symbols.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { OutlineKind, OutlineNode } from './engine/outline';
import { toLspRange } from './lsp-convert';

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.Namespace,
  main: SymbolKind.Namespace,
  record: SymbolKind.Namespace,
  copyNumber: SymbolKind.Number,
  secrecy: SymbolKind.Key,
  urgency: SymbolKind.Event,
  issuerMark: SymbolKind.Constant,
  docNumber: SymbolKind.Number,
  signer: SymbolKind.Property,
  title: SymbolKind.File,
  recipient: SymbolKind.Property,
  heading: SymbolKind.String,
  body: SymbolKind.String,
  attachmentNote: SymbolKind.Object,
  signature: SymbolKind.Constant,
  date: SymbolKind.Event,
  annotation: SymbolKind.Field,
  attachmentHeader: SymbolKind.Module,
  attendance: SymbolKind.Property,
  cc: SymbolKind.Field,
  printLine: SymbolKind.Field,
};

export function outlineToSymbols(nodes: OutlineNode[], lineStarts: number[]): DocumentSymbol[] {
  return nodes.map((n) => ({
    name: n.name,
    detail: n.detail,
    kind: SYMBOL_KIND[n.kind],
    range: toLspRange(lineStarts, n.start, n.end),
    selectionRange: toLspRange(lineStarts, n.selectionStart, n.selectionEnd),
    children: outlineToSymbols(n.children, lineStarts),
  }));
}
