/// The brief's stylesheet, inlined into the page: an A4 page with small, dense type, two-column
/// groups, a font stack that covers Latin and Chinese with fonts already on the machine (nothing
/// is fetched), and print rules that keep groups, rows and headings together.
enum HTMLBriefStyle {
  static let css = """
    @page { size: A4; margin: 10mm 11mm 11mm; }
    :root {
      --ink: #1c2431; --muted: #5d6878; --line: #d6dce4; --soft: #f2f5f8;
      --accent: #1f5f8b; --accent-soft: #cfe0ec; --good: #1d7544; --warn: #8f5a00; --bad: #b3261e;
    }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body {
      margin: 0 auto; max-width: 186mm; color: var(--ink); background: #fff;
      font-family: "Noto Sans", "Helvetica Neue", Helvetica, Arial, "Noto Sans CJK SC", "Source Han Sans SC",
        "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
      font-size: 8.2pt; line-height: 1.3;
    }
    :lang(zh) body, body:lang(zh) {
      font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
        "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif;
      line-height: 1.36;
    }
    .masthead { border-bottom: 2px solid var(--accent); padding-bottom: 1.2mm; margin-bottom: 1mm; }
    h1 { font-size: 15pt; line-height: 1.2; margin: 0; overflow-wrap: anywhere; }
    .sub { margin: .6mm 0 0; }
    section { margin-top: 2.2mm; }
    h2 {
      font-size: 9.6pt; margin: 0 0 1.2mm; padding-bottom: .5mm; color: var(--accent);
      border-bottom: 1px solid var(--line); text-transform: uppercase; letter-spacing: .04em;
    }
    h3 { font-size: 8.8pt; margin: 1.2mm 0 .6mm; overflow-wrap: anywhere; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    .note { font-weight: normal; color: var(--muted); }
    p { margin: .6mm 0; overflow-wrap: anywhere; }
    ul, ol { margin: .4mm 0; padding-left: 4.2mm; }
    li { margin: .25mm 0; overflow-wrap: anywhere; }
    strong { font-weight: 650; }
    .quiet { color: var(--muted); }
    .tone-good { color: var(--good); }
    .tone-warn { color: var(--warn); }
    .tone-bad { color: var(--bad); font-weight: 650; }
    .groups { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .6mm 6mm; }
    .group { min-width: 0; }
    .objections .group, .discovery .group, .questions .group, .g-batna, .g-zopa, .g-team {
      break-inside: avoid; page-break-inside: avoid;
    }
    .group > h3:first-child { margin-top: .8mm; }

    dl.fields { margin: .3mm 0; }
    dl.fields > div { display: grid; grid-template-columns: minmax(18mm, 30%) minmax(0, 1fr); column-gap: 2mm; padding: .25mm 0; break-inside: avoid; }
    dl.fields > div + div { border-top: 1px dotted var(--line); }
    dt { color: var(--muted); font-weight: 600; overflow-wrap: anywhere; }
    dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
    blockquote {
      margin: .4mm 0 .8mm; padding: .6mm 2mm; background: var(--soft); border-left: 2px solid var(--accent);
      overflow-wrap: anywhere;
    }

    table { width: 100%; border-collapse: collapse; margin: .4mm 0 .8mm; }
    th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--ink); white-space: nowrap; }
    th, td { padding: .45mm 2mm .45mm 0; vertical-align: top; overflow-wrap: anywhere; }
    th:last-child, td:last-child { padding-right: 0; }
    tbody tr + tr td { border-top: 1px solid var(--line); }
    tr { break-inside: avoid; page-break-inside: avoid; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tfoot td { border-top: 1px solid var(--ink); }
    table.people td:nth-child(4) { white-space: nowrap; letter-spacing: -.05em; color: var(--accent); }
    table.people td:nth-child(3), table.people td:nth-child(5) { white-space: nowrap; }
    table.people td:first-child, table.room td:first-child, table.competition td:first-child, table.interests td:first-child { white-space: nowrap; }
    table.room td:nth-child(3) { white-space: nowrap; }
    .ask ul { columns: 2; column-gap: 6mm; }
    .brief .objections ul { list-style: none; padding-left: 0; }
    .brief dl.fields > div { grid-template-columns: minmax(16mm, 17%) minmax(0, 1fr); }
    body.brief { font-size: 8pt; }
    .brief .meeting dl.fields > div { grid-template-columns: minmax(18mm, 34%) minmax(0, 1fr); }
    .brief .objections li { padding-left: 3mm; text-indent: -3mm; }
    .ask li { break-inside: avoid; }
    .brief .meeting dl.fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 6mm; }
    .brief .meeting dl.fields > div { break-inside: avoid; }
    table.matrix { table-layout: fixed; }
    table.matrix th:first-child { width: 24%; }
    table.matrix td { font-size: 8pt; }
    table.matrix td:empty::after { content: "·"; color: var(--line); }
    table.actions td:first-child { white-space: nowrap; width: 19mm; }
    table.actions td:last-child { white-space: nowrap; }
    table.ladder td:first-child { width: 5mm; }

    .account { display: grid; grid-template-columns: minmax(0, 36fr) minmax(0, 64fr); column-gap: 6mm; }
    .account > h2, .account > .groups { grid-column: 1 / -1; }
    .account > dl.fields { grid-column: 1; grid-row: 2 / span 2; }
    .account > dl.fields > div { grid-template-columns: minmax(24mm, 40%) minmax(0, 1fr); }
    .account > p, .account > .bars { grid-column: 2; }
    .bars { margin: .2mm 0; }
    .bar-row { display: grid; grid-template-columns: 27mm minmax(0, 1fr) 9mm; column-gap: 2mm; align-items: center; }
    .bar-label { color: var(--muted); font-weight: 600; }
    .bar { height: 2.2mm; background: var(--soft); border: 1px solid var(--line); border-radius: 1mm; overflow: hidden; }
    .fill { display: block; height: 100%; background: var(--accent); }
    .bar-value { text-align: right; font-variant-numeric: tabular-nums; }
    .bar-detail { grid-column: 2 / -1; font-size: 6.8pt; line-height: 1.2; color: var(--muted); margin-bottom: .3mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }

    .stakeholders .groups, .account .groups { grid-template-columns: minmax(0, 1fr); }
    .negotiation .groups { grid-template-columns: repeat(6, minmax(0, 1fr)); }
    .negotiation .group { grid-column: span 3; }
    .negotiation .g-goals, .negotiation .g-interests { grid-column: 1 / -1; }
    .negotiation .g-ladder { grid-column: span 4; }
    .negotiation .g-team { grid-column: span 2; }

    .zopa-axis { position: relative; height: 9.4mm; margin: .6mm 4mm .6mm; }
    .zopa-axis::before { content: ""; position: absolute; left: 0; right: 0; top: 4.4mm; border-top: 1px solid var(--muted); }
    .range { position: absolute; top: 3.5mm; height: 1.8mm; }
    .range.ours { background: var(--accent-soft); }
    .range.zone { top: 4.9mm; height: 1.2mm; background: var(--good); opacity: .75; }
    .mark { position: absolute; top: 2.7mm; width: 0; height: 3.4mm; border-left: 1px solid var(--ink); }
    .mark b { position: absolute; left: 0; top: -2.5mm; transform: translateX(-50%); font-size: 7pt; line-height: 1; }
    .mark.m-T b { top: auto; bottom: -2.8mm; }
    .mark.m-T { border-left: 1px dashed var(--bad); }
    .mark.m-T b { color: var(--bad); }
    .zopa-legend { font-size: 7.4pt; color: var(--muted); margin-top: 0; }

    .findings ul { columns: 2; column-gap: 6mm; list-style: none; padding-left: 0; }
    .findings li { break-inside: avoid; padding-left: 3.2mm; text-indent: -3.2mm; }

    @media screen {
      html { background: #e8ecf0; }
      body { margin: 6mm auto; padding: 10mm 12mm; max-width: 210mm; box-shadow: 0 1px 4px rgba(0, 0, 0, .18); }
    }
    @media print {
      body { max-width: none; }
      section { break-inside: auto; }
    }

    """
}
